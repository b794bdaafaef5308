namespace Eoi.Backends;

// What keeps a whole training step on the device: reductions along an axis and their broadcasts, max pooling
// with its arg-max, batch-norm statistics and normalisation, the accuracy count, and the device's lifetime.
public partial interface IBackend : IDisposable
{
    /// <summary>Waits until every queued operation has run, and reports a fault any of them met. A backend that
    /// runs each call before returning (the CPU) has nothing to wait for.</summary>
    void Synchronize();

    // ---- reductions along an axis and broadcasts ---------------------------------------------------

    /// <summary>y[o, i] = scale * sum over r of x[o, r, i]; x [Outer, Reduced, Inner], y [Outer, Inner]. Sums in
    /// double, in an order fixed by the layout alone, then scales and rounds once.</summary>
    void SumAxis(ReductionLayout layout, double scale, DeviceBuffer x, DeviceBuffer y);

    /// <summary>y[o, r, i] = scale * x[o, i]: the adjoint of <see cref="SumAxis"/>.</summary>
    void BroadcastAxis(ReductionLayout layout, double scale, DeviceBuffer x, DeviceBuffer y);

    // ---- max pooling -------------------------------------------------------------------------------

    /// <summary>y = the maximum of each window, argMax (Int32, one per output) = its position h * Width + w
    /// within its plane: the first maximum in row-major window order, or the first NaN, as in PyTorch.</summary>
    void MaxPool(PoolGeometry geometry, DeviceBuffer x, DeviceBuffer y, DeviceBuffer argMax);

    /// <summary>dx = dy sent to each window's arg-max (summed where windows overlap, in output order); dx is
    /// only written.</summary>
    void MaxPoolBackward(PoolGeometry geometry, DeviceBuffer dy, DeviceBuffer argMax, DeviceBuffer dx);

    // ---- batch normalisation over the channels of a ChannelLayout ------------------------------------

    /// <summary>mean[c] and the biased variance[c] of x[o, c, i] over o and i, each computed in double (the
    /// variance from the double mean, two passes) and rounded once.</summary>
    void ChannelMoments(ChannelLayout layout, DeviceBuffer x, DeviceBuffer mean, DeviceBuffer variance);

    /// <summary>y = (x - mean[c]) * s[c] + beta[c] with s[c] = gamma[c] / sqrt(variance[c] + epsilon) computed in
    /// double and rounded once: training mode with the batch's moments, evaluation mode with running ones.</summary>
    void BatchNormalize(ChannelLayout layout, double epsilon, DeviceBuffer x, DeviceBuffer mean, DeviceBuffer variance,
                        DeviceBuffer gamma, DeviceBuffer beta, DeviceBuffer y);

    /// <summary>
    /// The gradients of <see cref="BatchNormalize"/>: with sigma = 1 / sqrt(variance + epsilon), n = Outer * Inner,
    /// dbeta[c] = sum dy and dgamma[c] = sigma * sum dy (x - mean), both in double. When
    /// <paramref name="batchStatistics"/> the mean and variance are x's own and the gradient flows through them:
    /// dx = ((dy - (x - mean) k) - b) a with a = gamma sigma, b = dbeta / n, k = sigma^2 sum dy (x - mean) / n;
    /// otherwise they are constants and b = k = 0, so dx = dy a. All of dx, dgamma and dbeta are only written.
    /// </summary>
    void BatchNormalizeBackward(ChannelLayout layout, double epsilon, bool batchStatistics, DeviceBuffer x, DeviceBuffer mean,
                                DeviceBuffer variance, DeviceBuffer gamma, DeviceBuffer dy, DeviceBuffer dx, DeviceBuffer dgamma, DeviceBuffer dbeta);

    // ---- classification -----------------------------------------------------------------------------

    /// <summary>count[0] = the number of rows whose largest score (the first, on ties) is at targets[r], as a
    /// value of the scores' type (exact up to 2^24 rows), so it can travel back with the loss in one download.</summary>
    void CountCorrect(int rows, int cols, DeviceBuffer scores, DeviceBuffer targets, DeviceBuffer count);
}
