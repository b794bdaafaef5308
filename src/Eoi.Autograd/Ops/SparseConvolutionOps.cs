using Eoi.Backends;

namespace Eoi.Autograd;

/// <summary>
/// 2-D convolution (cross-correlation, as <see cref="ConvolutionOps.Conv2d"/>) with a kernel held only as CSR
/// values (<see cref="SparseConvWeight"/>): per image, Y_n = W columns_n(X_n) built over the im2col rows the
/// kernel uses; dX_n = col2im(W^T G_n) through the transposed structure; dW = sum over images of
/// G_n columns_n^T on the pattern only (SDDMM), so pruned taps never get a gradient. The work follows the
/// stored entries: each image costs (used rows + non-zeros) x output pixels.
/// </summary>
public static class SparseConvolutionOps
{
    /// <param name="x">[batch, inChannels, height, width]</param>
    /// <returns>[batch, outChannels, outHeight, outWidth]; add a bias with <see cref="BiasOps.AddBias"/>.</returns>
    public static Tensor SparseConv2d(this Tensor x, SparseConvWeight weight, int stride = 1, int padding = 0, PaddingMode paddingMode = PaddingMode.Zeros)
    {
        OpChecks.Rank(x, 4, nameof(x), "[batch, channels, height, width]");
        Eoi.Core.Guard.NotNull(weight, nameof(weight));
        var values = weight.Values;
        OpChecks.Compatible(x, values, nameof(weight));
        OpChecks.Dimension(x.Shape[1], weight.InChannels, nameof(x), "axis 1 (channels) equal to the weight's in channels", x);
        var geometry = new ConvGeometry(x.Shape[1], x.Shape[2], x.Shape[3], weight.KernelHeight, weight.KernelWidth, stride, padding, paddingMode);
        geometry.Validate();
        int batch = x.Shape[0];
        var backend = x.Backend;
        var y = x.NewLike([batch, weight.OutChannels, geometry.OutHeight, geometry.OutWidth]);
        backend.SparseConv2d(geometry, batch, weight.Structure, values.Buffer, weight.PatchRows, x.Buffer, y.Buffer);
        return y.Record(g =>
        {
            values.AccumulateGrad(dValues =>
                backend.SparseConv2dBackwardWeight(geometry, batch, weight.Structure, weight.PatchRows, x.Buffer, g.Buffer, dValues));
            x.AccumulateGrad(dx =>
            {
                // W^T's values are W's in another order: gathered per use, so the weight keeps one array.
                using var transposedValues = backend.Allocate(x.ElementType, weight.NonZeros);
                backend.Gather(values.Buffer, weight.TransposeOrder, transposedValues);
                backend.SparseConv2dBackwardInput(geometry, batch, weight.TransposedStructure, transposedValues, weight.PatchRows, g.Buffer, dx);
            });
        }, x, values);
    }
}
