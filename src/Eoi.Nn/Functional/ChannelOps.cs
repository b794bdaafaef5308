using Eoi.Autograd;
using Eoi.Core;

namespace Eoi.Nn.Functional;

/// <summary>
/// Per-channel reductions and broadcasts for [batch, channels] and [batch, channels, height, width] tensors,
/// built from the autograd's differentiable ops, so their gradients come for free: a channel sum is two
/// products with vectors of ones, and a broadcast is a bias added to zeros (whose gradient is the sum).
/// </summary>
public static class ChannelOps
{
    /// <summary>[channels]: the sum over the batch and spatial positions of each channel.</summary>
    public static Tensor ChannelSum(this Tensor x)
    {
        Guard.NotNull(x, nameof(x));
        if (x.Shape.Rank < 2)
            throw new EoiArgumentException(nameof(x), $"x must have rank >= 2 ([batch, channels, ...]); got shape {x.Shape}");
        int batch = x.Shape[0], channels = x.Shape[1], spatial = x.Shape.ElementsFrom(2);
        var overBatch = HostTensors.Full(x, [1, batch], 1).MatMul(x.Reshape([batch, channels * spatial]));
        if (spatial == 1) return overBatch.Reshape([channels]);
        return overBatch.Reshape([channels, spatial]).MatMul(HostTensors.Full(x, [spatial, 1], 1)).Reshape([channels]);
    }

    /// <summary>A tensor of <paramref name="shape"/> whose channel c (axis 1) holds perChannel[c] everywhere.</summary>
    public static Tensor BroadcastChannels(this Tensor perChannel, Shape shape) =>
        HostTensors.Full(perChannel, shape, 0).AddBias(perChannel);

    /// <summary>x times a constant.</summary>
    public static Tensor Scale(this Tensor x, double factor) => x.Multiply(HostTensors.Full(x, x.Shape, factor));

    /// <summary>
    /// f applied elementwise, for an f the autograd has no op for, given its derivative: the first-order
    /// expansion f(v0) + f'(v0) (v - v0) around v0 = the current values. Its value is exactly f(v0), because
    /// v - v0 is exactly zero, and its gradient is exactly f'(v0) times the incoming one.
    /// </summary>
    public static Tensor Pointwise(this Tensor v, Func<double, double> f, Func<double, double> derivative)
    {
        var at = HostTensors.Read(v);
        var negated = Array.ConvertAll(at, a => -a);
        return v.Add(HostTensors.Constant(v, v.Shape, negated))
            .Multiply(HostTensors.Constant(v, v.Shape, Array.ConvertAll(at, a => derivative(a))))
            .Add(HostTensors.Constant(v, v.Shape, Array.ConvertAll(at, a => f(a))));
    }
}
