using Eoi.Core;

namespace Eoi.Backends;

/// <summary>
/// The storage and compute a device offers to autograd: typed buffers plus the few kernels training needs.
/// Matrices are row-major. Every operation writes only its output buffers, which must not overlap its
/// inputs unless the method says so. Floating-point operands of one call share one element type (Float32 or
/// Float64); scalars are passed as double and rounded to that type. A backend checks buffer types and lengths
/// and throws <see cref="EoiArgumentException"/> on a mismatch.
/// </summary>
public partial interface IBackend
{
    /// <summary>A short name for messages, e.g. "cpu".</summary>
    string Name { get; }

    // ---- memory -------------------------------------------------------------------------------------

    /// <summary>A new buffer of <paramref name="length"/> elements, all zero.</summary>
    DeviceBuffer Allocate(ElementType elementType, int length);

    /// <summary>Host to device; T must be float, double or int matching the buffer, lengths equal.</summary>
    void Upload<T>(ReadOnlySpan<T> source, DeviceBuffer destination) where T : unmanaged;

    /// <summary>Device to host; T must be float, double or int matching the buffer, lengths equal.</summary>
    void Download<T>(DeviceBuffer source, Span<T> destination) where T : unmanaged;

    void Copy(DeviceBuffer source, DeviceBuffer destination);

    void Fill(DeviceBuffer destination, double value);

    /// <summary>destination[q] = source[indices[q]] for every q; indices are Int32.</summary>
    void Gather(DeviceBuffer source, DeviceBuffer indices, DeviceBuffer destination);

    /// <summary>destination [cols x rows] = source [rows x cols] transposed.</summary>
    void Transpose(int rows, int cols, DeviceBuffer source, DeviceBuffer destination);

    // ---- dense and sparse products ------------------------------------------------------------------

    /// <summary>C [m x n] = op(A) * op(B) + beta * C, op(A) [m x k], op(B) [k x n]. With beta 0, C is only written.</summary>
    void Gemm(bool transposeA, bool transposeB, int m, int n, int k, DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, double beta = 0);

    /// <summary>C [a.Rows x n] = A [a.Rows x a.Cols] * B [a.Cols x n] + beta * C, A in CSR with aValues in its order.</summary>
    void Spmm(DeviceCsrPattern a, DeviceBuffer aValues, int n, DeviceBuffer b, DeviceBuffer c, double beta = 0);

    /// <summary>For every stored position p = (r, col) of the pattern: outValues[p] = dot(X[r, :], Y[col, :]),
    /// X [pattern.Rows x n], Y [pattern.Cols x n]. The gradient of a masked product, computed only on the mask.</summary>
    void Sddmm(DeviceCsrPattern pattern, int n, DeviceBuffer x, DeviceBuffer y, DeviceBuffer outValues);

    // ---- elementwise ---------------------------------------------------------------------------------

    /// <summary>result = a op b elementwise; result may be a or b.</summary>
    void Binary(BinaryOp op, DeviceBuffer a, DeviceBuffer b, DeviceBuffer result);

    /// <summary>y = alpha * x; y may be x.</summary>
    void Scale(double alpha, DeviceBuffer x, DeviceBuffer y);

    /// <summary>y += alpha * x.</summary>
    void Axpy(double alpha, DeviceBuffer x, DeviceBuffer y);

    /// <summary>y = f(x); y may be x.</summary>
    void Activate(Activation f, DeviceBuffer x, DeviceBuffer y);

    /// <summary>dx = f'(x) * dy, where y = f(x) is given too so that backends may use whichever is cheaper.</summary>
    void ActivateBackward(Activation f, DeviceBuffer x, DeviceBuffer y, DeviceBuffer dy, DeviceBuffer dx);

    // ---- bias and reductions ------------------------------------------------------------------------

    /// <summary>y[o, c, i] = x[o, c, i] + bias[c]; y may be x.</summary>
    void BiasAdd(ChannelLayout layout, DeviceBuffer x, DeviceBuffer bias, DeviceBuffer y);

    /// <summary>dbias[c] = sum over o, i of dy[o, c, i]. With layout (1, 1, n) it is the sum of a whole buffer.</summary>
    void BiasGrad(ChannelLayout layout, DeviceBuffer dy, DeviceBuffer dbias);

    // ---- classification -----------------------------------------------------------------------------

    /// <summary>y [rows x cols] = x - logsumexp of each row, computed stably.</summary>
    void LogSoftmax(int rows, int cols, DeviceBuffer x, DeviceBuffer y);

    /// <summary>dx = dy - exp(y) * (row sum of dy), y the log-softmax output.</summary>
    void LogSoftmaxBackward(int rows, int cols, DeviceBuffer y, DeviceBuffer dy, DeviceBuffer dx);

    /// <summary>loss[0] = -mean over r of logProbs[r, targets[r]]; targets Int32 in [0, cols).</summary>
    void NllLoss(int rows, int cols, DeviceBuffer logProbs, DeviceBuffer targets, DeviceBuffer loss);

    /// <summary>dLogProbs[r, c] = -dLoss[0] / rows where c = targets[r], else 0.</summary>
    void NllLossBackward(int rows, int cols, DeviceBuffer targets, DeviceBuffer dLoss, DeviceBuffer dLogProbs);

    // ---- convolution and pooling --------------------------------------------------------------------

    /// <summary>columns [PatchLength x OutputPixels] = the image's patches, padding applied.</summary>
    void Im2Col(ConvGeometry geometry, DeviceBuffer image, DeviceBuffer columns);

    /// <summary>image = the sum of every patch entry back to where it was read from (the adjoint of im2col);
    /// entries read from zero padding are dropped, those read through circular padding wrap back.</summary>
    void Col2Im(ConvGeometry geometry, DeviceBuffer columns, DeviceBuffer image);

    // ---- dense convolution over a whole batch: weight [outChannels x PatchLength] (the [out, in, kh, kw] kernel),
    // x and dx [batch, ImageLength], y and dy [batch, outChannels * OutputPixels]. Outputs are written, not
    // accumulated. The same function as Im2Col and Gemm image by image; a backend may share the batch between
    // threads, but the result must not depend on how.

    /// <summary>y_n = W * columns(x_n) for each image n.</summary>
    void Conv2d(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer x, DeviceBuffer y);

    /// <summary>dx_n = col2im(W^T * dy_n) for each image n.</summary>
    void Conv2dBackwardInput(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer dy, DeviceBuffer dx);

    /// <summary>dWeight = the sum over images n of dy_n * columns(x_n)^T.</summary>
    void Conv2dBackwardWeight(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer x, DeviceBuffer dy, DeviceBuffer dWeight);

    // ---- sparse convolution: a kernel held as CSR over the im2col rows it uses ------------------------
    // weight is [outChannels x patchRows.Length]; its column q stands for im2col row patchRows[q] (Int32,
    // strictly increasing, in [0, PatchLength)), so rows no stored entry uses are never built. x and dx are
    // [batch, ImageLength], y and dy [batch, outChannels * OutputPixels]. Outputs are written, not accumulated.

    /// <summary>y_n = W * columns_n(x_n) for each image n, columns restricted to patchRows.</summary>
    void SparseConv2d(ConvGeometry geometry, int batch, DeviceCsrPattern weight, DeviceBuffer weightValues, DeviceBuffer patchRows, DeviceBuffer x, DeviceBuffer y);

    /// <summary>dx_n = col2im(W^T dy_n), given W^T's structure [patchRows.Length x outChannels] and values.</summary>
    void SparseConv2dBackwardInput(ConvGeometry geometry, int batch, DeviceCsrPattern transposedWeight, DeviceBuffer transposedValues, DeviceBuffer patchRows, DeviceBuffer dy, DeviceBuffer dx);

    /// <summary>dWeightValues[p] = sum over images n of dot(dy_n[r, :], columns_n(x_n)[patchRows[q], :]) for each
    /// stored p = (r, q): the kernel's gradient on its pattern only.</summary>
    void SparseConv2dBackwardWeight(ConvGeometry geometry, int batch, DeviceCsrPattern weight, DeviceBuffer patchRows, DeviceBuffer x, DeviceBuffer dy, DeviceBuffer dWeightValues);

    void AveragePool(PoolGeometry geometry, DeviceBuffer x, DeviceBuffer y);

    void AveragePoolBackward(PoolGeometry geometry, DeviceBuffer dy, DeviceBuffer dx);

    // ---- optimiser updates, in place ----------------------------------------------------------------

    /// <summary>One SGD step on a parameter; momentumBuffer is read only when firstStep is false, and is
    /// ignored (may be null) when Momentum is 0.</summary>
    void SgdStep(SgdHyperparameters hyper, DeviceBuffer parameter, DeviceBuffer grad, DeviceBuffer? momentumBuffer, bool firstStep);

    /// <summary>One Adam step; step counts from 1 and sets the bias corrections.</summary>
    void AdamStep(AdamHyperparameters hyper, int step, DeviceBuffer parameter, DeviceBuffer grad, DeviceBuffer firstMoment, DeviceBuffer secondMoment);
}
