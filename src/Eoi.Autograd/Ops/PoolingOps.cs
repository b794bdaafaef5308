using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>Average and max pooling of [batch, channels, height, width] over square windows, no padding.</summary>
public static class PoolingOps
{
    /// <summary>Each window's mean.</summary>
    /// <param name="x">[batch, channels, height, width]</param>
    /// <param name="kernel">Side of the square window.</param>
    /// <param name="stride">Defaults to the kernel size (non-overlapping windows), as in PyTorch.</param>
    public static Tensor AvgPool2d(this Tensor x, int kernel, int? stride = null)
    {
        var geometry = Geometry(x, kernel, stride);
        var y = x.NewLike([x.Shape[0], x.Shape[1], geometry.OutHeight, geometry.OutWidth]);
        x.Backend.AveragePool(geometry, x.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx => x.Backend.AveragePoolBackward(geometry, g.Buffer, dx)), x);
    }

    /// <summary>Each window's maximum; the output keeps, on the device, each window's arg-max (the first
    /// maximum, or a NaN), where backward sends the gradient, as PyTorch does.</summary>
    /// <param name="x">[batch, channels, height, width]</param>
    /// <param name="kernel">Side of the square window.</param>
    /// <param name="stride">Defaults to the kernel size (non-overlapping windows), as in PyTorch.</param>
    public static Tensor MaxPool2d(this Tensor x, int kernel, int? stride = null)
    {
        var geometry = Geometry(x, kernel, stride);
        var y = x.NewLike([x.Shape[0], x.Shape[1], geometry.OutHeight, geometry.OutWidth]);
        var argMax = x.Backend.Allocate(ElementType.Int32, geometry.OutputLength);
        y.Attach(argMax);
        x.Backend.MaxPool(geometry, x.Buffer, y.Buffer, argMax);
        return y.Record(g => x.AccumulateGrad(dx => x.Backend.MaxPoolBackward(geometry, g.Buffer, argMax, dx)), x);
    }

    static PoolGeometry Geometry(Tensor x, int kernel, int? stride)
    {
        OpChecks.Rank(x, 4, nameof(x), "[batch, channels, height, width]");
        var geometry = new PoolGeometry(x.Shape[0] * x.Shape[1], x.Shape[2], x.Shape[3], kernel, stride ?? kernel);
        geometry.Validate();
        return geometry;
    }
}
