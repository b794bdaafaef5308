using Eoi.Backends;

namespace Eoi.Autograd;

/// <summary>
/// 2-D convolution (cross-correlation, as in PyTorch) through the backend's whole-batch convolution:
/// Y_n [out, pixels] = W [out, in*kh*kw] * columns(X_n), dX_n = col2im(W^T G_n), dW = sum over n of
/// G_n columns(X_n)^T. The backend builds the columns in per-thread scratch and rebuilds them in backward
/// instead of keeping them for every layer.
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
        var backend = x.Backend;
        var y = x.NewLike([batch, outChannels, geometry.OutHeight, geometry.OutWidth]);
        backend.Conv2d(geometry, batch, outChannels, weight.Buffer, x.Buffer, y.Buffer);
        return y.Record(g =>
        {
            weight.AccumulateGrad(dw => backend.Conv2dBackwardWeight(geometry, batch, outChannels, x.Buffer, g.Buffer, dw));
            x.AccumulateGrad(dx => backend.Conv2dBackwardInput(geometry, batch, outChannels, weight.Buffer, g.Buffer, dx));
        }, x, weight);
    }
}
