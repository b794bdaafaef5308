using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Nn.Tests;

/// <summary>
/// A backend that forwards every call to <paramref name="inner"/> and counts the calls that cross between host
/// and device: uploads and downloads. Everything else stays on the device, whatever the device is, so these
/// two counters are what a training step costs in host round trips.
/// </summary>
sealed class TransferCountingBackend(IBackend inner) : IBackend
{
    public int Uploads { get; private set; }
    public int Downloads { get; private set; }

    public string Name => inner.Name;

    public DeviceBuffer Allocate(ElementType elementType, int length) => inner.Allocate(elementType, length);

    public void Upload<T>(ReadOnlySpan<T> source, DeviceBuffer destination) where T : unmanaged
    {
        Uploads++;
        inner.Upload(source, destination);
    }

    public void Download<T>(DeviceBuffer source, Span<T> destination) where T : unmanaged
    {
        Downloads++;
        inner.Download(source, destination);
    }

    public void Copy(DeviceBuffer source, DeviceBuffer destination) => inner.Copy(source, destination);
    public void Fill(DeviceBuffer destination, double value) => inner.Fill(destination, value);
    public void Gather(DeviceBuffer source, DeviceBuffer indices, DeviceBuffer destination) => inner.Gather(source, indices, destination);
    public void Transpose(int rows, int cols, DeviceBuffer source, DeviceBuffer destination) => inner.Transpose(rows, cols, source, destination);

    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, double beta = 0) =>
        inner.Gemm(transposeA, transposeB, m, n, k, a, b, c, beta);

    public void Spmm(DeviceCsrPattern a, DeviceBuffer aValues, int n, DeviceBuffer b, DeviceBuffer c, double beta = 0) =>
        inner.Spmm(a, aValues, n, b, c, beta);

    public void Sddmm(DeviceCsrPattern pattern, int n, DeviceBuffer x, DeviceBuffer y, DeviceBuffer outValues) =>
        inner.Sddmm(pattern, n, x, y, outValues);

    public void Binary(BinaryOp op, DeviceBuffer a, DeviceBuffer b, DeviceBuffer result) => inner.Binary(op, a, b, result);
    public void Scale(double alpha, DeviceBuffer x, DeviceBuffer y) => inner.Scale(alpha, x, y);
    public void Axpy(double alpha, DeviceBuffer x, DeviceBuffer y) => inner.Axpy(alpha, x, y);
    public void Activate(Activation f, DeviceBuffer x, DeviceBuffer y) => inner.Activate(f, x, y);
    public void ActivateBackward(Activation f, DeviceBuffer x, DeviceBuffer y, DeviceBuffer dy, DeviceBuffer dx) => inner.ActivateBackward(f, x, y, dy, dx);
    public void BiasAdd(ChannelLayout layout, DeviceBuffer x, DeviceBuffer bias, DeviceBuffer y) => inner.BiasAdd(layout, x, bias, y);
    public void BiasGrad(ChannelLayout layout, DeviceBuffer dy, DeviceBuffer dbias) => inner.BiasGrad(layout, dy, dbias);
    public void LogSoftmax(int rows, int cols, DeviceBuffer x, DeviceBuffer y) => inner.LogSoftmax(rows, cols, x, y);
    public void LogSoftmaxBackward(int rows, int cols, DeviceBuffer y, DeviceBuffer dy, DeviceBuffer dx) => inner.LogSoftmaxBackward(rows, cols, y, dy, dx);
    public void NllLoss(int rows, int cols, DeviceBuffer logProbs, DeviceBuffer targets, DeviceBuffer loss) => inner.NllLoss(rows, cols, logProbs, targets, loss);

    public void NllLossBackward(int rows, int cols, DeviceBuffer targets, DeviceBuffer dLoss, DeviceBuffer dLogProbs) =>
        inner.NllLossBackward(rows, cols, targets, dLoss, dLogProbs);

    public void Im2Col(ConvGeometry geometry, DeviceBuffer image, DeviceBuffer columns) => inner.Im2Col(geometry, image, columns);
    public void Conv2d(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer x, DeviceBuffer y) =>
        inner.Conv2d(geometry, batch, outChannels, weight, x, y);

    public void Conv2dBackwardInput(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer dy, DeviceBuffer dx) =>
        inner.Conv2dBackwardInput(geometry, batch, outChannels, weight, dy, dx);

    public void Conv2dBackwardWeight(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer x, DeviceBuffer dy, DeviceBuffer dWeight) =>
        inner.Conv2dBackwardWeight(geometry, batch, outChannels, x, dy, dWeight);

    public void SparseConv2d(ConvGeometry geometry, int batch, DeviceCsrPattern weight, DeviceBuffer weightValues, DeviceBuffer patchRows, DeviceBuffer x, DeviceBuffer y) =>
        inner.SparseConv2d(geometry, batch, weight, weightValues, patchRows, x, y);
    public void SparseConv2dBackwardInput(ConvGeometry geometry, int batch, DeviceCsrPattern transposedWeight, DeviceBuffer transposedValues, DeviceBuffer patchRows, DeviceBuffer dy, DeviceBuffer dx) =>
        inner.SparseConv2dBackwardInput(geometry, batch, transposedWeight, transposedValues, patchRows, dy, dx);
    public void SparseConv2dBackwardWeight(ConvGeometry geometry, int batch, DeviceCsrPattern weight, DeviceBuffer patchRows, DeviceBuffer x, DeviceBuffer dy, DeviceBuffer dWeightValues) =>
        inner.SparseConv2dBackwardWeight(geometry, batch, weight, patchRows, x, dy, dWeightValues);
    public void Col2Im(ConvGeometry geometry, DeviceBuffer columns, DeviceBuffer image) => inner.Col2Im(geometry, columns, image);
    public void AveragePool(PoolGeometry geometry, DeviceBuffer x, DeviceBuffer y) => inner.AveragePool(geometry, x, y);
    public void AveragePoolBackward(PoolGeometry geometry, DeviceBuffer dy, DeviceBuffer dx) => inner.AveragePoolBackward(geometry, dy, dx);

    public void SgdStep(SgdHyperparameters hyper, DeviceBuffer parameter, DeviceBuffer grad, DeviceBuffer? momentumBuffer, bool firstStep) =>
        inner.SgdStep(hyper, parameter, grad, momentumBuffer, firstStep);

    public void AdamStep(AdamHyperparameters hyper, int step, DeviceBuffer parameter, DeviceBuffer grad, DeviceBuffer firstMoment, DeviceBuffer secondMoment) =>
        inner.AdamStep(hyper, step, parameter, grad, firstMoment, secondMoment);

    public void Synchronize() => inner.Synchronize();
    public void SumAxis(ReductionLayout layout, double scale, DeviceBuffer x, DeviceBuffer y) => inner.SumAxis(layout, scale, x, y);
    public void BroadcastAxis(ReductionLayout layout, double scale, DeviceBuffer x, DeviceBuffer y) => inner.BroadcastAxis(layout, scale, x, y);
    public void MaxPool(PoolGeometry geometry, DeviceBuffer x, DeviceBuffer y, DeviceBuffer argMax) => inner.MaxPool(geometry, x, y, argMax);
    public void MaxPoolBackward(PoolGeometry geometry, DeviceBuffer dy, DeviceBuffer argMax, DeviceBuffer dx) => inner.MaxPoolBackward(geometry, dy, argMax, dx);
    public void ChannelMoments(ChannelLayout layout, DeviceBuffer x, DeviceBuffer mean, DeviceBuffer variance) => inner.ChannelMoments(layout, x, mean, variance);

    public void BatchNormalize(ChannelLayout layout, double epsilon, DeviceBuffer x, DeviceBuffer mean, DeviceBuffer variance, DeviceBuffer gamma,
                               DeviceBuffer beta, DeviceBuffer y) =>
        inner.BatchNormalize(layout, epsilon, x, mean, variance, gamma, beta, y);

    public void BatchNormalizeBackward(ChannelLayout layout, double epsilon, bool batchStatistics, DeviceBuffer x, DeviceBuffer mean, DeviceBuffer variance,
                                       DeviceBuffer gamma, DeviceBuffer dy, DeviceBuffer dx, DeviceBuffer dgamma, DeviceBuffer dbeta) =>
        inner.BatchNormalizeBackward(layout, epsilon, batchStatistics, x, mean, variance, gamma, dy, dx, dgamma, dbeta);

    public void CountCorrect(int rows, int cols, DeviceBuffer scores, DeviceBuffer targets, DeviceBuffer count) => inner.CountCorrect(rows, cols, scores, targets, count);

    /// <summary>The inner backend belongs to the caller.</summary>
    public void Dispose() { }
}
