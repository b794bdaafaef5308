using Eoi.Core.Backend;

namespace Eoi.Autograd;

/// <summary>Average pooling of [batch, channels, height, width] over square windows, no padding.</summary>
public static class PoolingOps
{
    /// <param name="stride">Defaults to the kernel size (non-overlapping windows), as in PyTorch.</param>
    public static Tensor AvgPool2d(this Tensor x, int kernel, int? stride = null)
    {
        OpChecks.Rank(x, 4, nameof(x), "[batch, channels, height, width]");
        var geometry = new PoolGeometry(x.Shape[0] * x.Shape[1], x.Shape[2], x.Shape[3], kernel, stride ?? kernel);
        geometry.Validate();
        var y = x.NewLike([x.Shape[0], x.Shape[1], geometry.OutHeight, geometry.OutWidth]);
        x.Backend.AveragePool(geometry, x.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx => x.Backend.AveragePoolBackward(geometry, g.Buffer, dx)), x);
    }
}
