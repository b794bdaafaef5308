using Eoi.Core.Backend;

namespace Eoi.Autograd;

/// <summary>
/// 2-D convolution (cross-correlation, as in PyTorch) by im2col and GEMM, one image at a time:
/// Y_n [out, pixels] = W [out, in*kh*kw] * columns(X_n). Working per image keeps the scratch at one image's
/// columns; backward rebuilds the columns instead of keeping them for every layer.
/// </summary>
public static class ConvolutionOps
{
    /// <param name="x">[batch, inChannels, height, width]</param>
    /// <param name="weight">[outChannels, inChannels, kernelHeight, kernelWidth]; add a bias with <see cref="BiasOps.AddBias"/>.</param>
    /// <param name="stride">Step of the window in both directions, >= 1.</param>
    /// <param name="padding">Rows and columns added on each side, >= 0.</param>
    /// <param name="paddingMode">What the added rows and columns hold.</param>
    public static Tensor Conv2d(this Tensor x, Tensor weight, int stride = 1, int padding = 0, PaddingMode paddingMode = PaddingMode.Zeros)
    {
        OpChecks.Rank(x, 4, nameof(x), "[batch, channels, height, width]");
        OpChecks.Rank(weight, 4, nameof(weight), "[outChannels, inChannels, kernelHeight, kernelWidth]");
        OpChecks.Compatible(x, weight, nameof(weight));
        OpChecks.Dimension(weight.Shape[1], x.Shape[1], nameof(weight), "axis 1 (in channels) equal to the channels of x", weight);
        var geometry = new ConvGeometry(x.Shape[1], x.Shape[2], x.Shape[3], weight.Shape[2], weight.Shape[3], stride, padding, paddingMode);
        geometry.Validate();
        int batch = x.Shape[0], outChannels = weight.Shape[0];
        int imageLength = geometry.ImageLength, outputLength = outChannels * geometry.OutputPixels;
        var backend = x.Backend;
        var y = x.NewLike([batch, outChannels, geometry.OutHeight, geometry.OutWidth]);
        using (var columns = backend.Allocate(x.ElementType, geometry.ColumnsLength))
            for (int n = 0; n < batch; n++)
            {
                backend.Im2Col(geometry, Image(x.Buffer, n, imageLength), columns);
                backend.Gemm(false, false, outChannels, geometry.OutputPixels, geometry.PatchLength, weight.Buffer, columns, Image(y.Buffer, n, outputLength));
            }
        return y.Record(g =>
        {
            using var columns = backend.Allocate(x.ElementType, geometry.ColumnsLength);
            // dW = sum over images of G_n columns(X_n)^T, accumulated by GEMM with beta 1 into the zeroed buffer.
            weight.AccumulateGrad(dw =>
            {
                for (int n = 0; n < batch; n++)
                {
                    backend.Im2Col(geometry, Image(x.Buffer, n, imageLength), columns);
                    backend.Gemm(false, true, outChannels, geometry.PatchLength, geometry.OutputPixels, Image(g.Buffer, n, outputLength), columns, dw, beta: 1);
                }
            });
            // dX_n = col2im(W^T G_n).
            x.AccumulateGrad(dx =>
            {
                for (int n = 0; n < batch; n++)
                {
                    backend.Gemm(true, false, geometry.PatchLength, geometry.OutputPixels, outChannels, weight.Buffer, Image(g.Buffer, n, outputLength), columns);
                    backend.Col2Im(geometry, columns, Image(dx, n, imageLength));
                }
            });
        }, x, weight);
    }

    static DeviceBuffer Image(DeviceBuffer batch, int index, int length) => batch.Slice(index * length, length);
}
