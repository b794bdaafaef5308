using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>Adds a per-channel bias along one axis: by default axis 1, [batch, features] + [features] or
/// [N, C, H, W] + [C]; axis 0 for feature-major activations, [features, batch] + [features].</summary>
public static class BiasOps
{
    public static Tensor AddBias(this Tensor x, Tensor bias, int axis = 1)
    {
        Guard.NotNull(x, nameof(x));
        if (axis < 0 || axis >= x.Shape.Rank)
            throw new EoiArgumentException(nameof(axis), $"axis must be in [0, {x.Shape.Rank - 1}] for x of shape {x.Shape}; got {axis}");
        OpChecks.Rank(bias, 1, nameof(bias), "[channels]");
        OpChecks.Compatible(x, bias, nameof(bias));
        OpChecks.Dimension(bias.Shape[0], x.Shape[axis], nameof(bias), $"length equal to axis {axis} of x", bias);
        var layout = new ChannelLayout(x.Shape.ElementsBefore(axis), x.Shape[axis], x.Shape.ElementsFrom(axis + 1));
        var y = x.NewLike(x.Shape);
        x.Backend.BiasAdd(layout, x.Buffer, bias.Buffer, y.Buffer);
        return y.Record(g =>
        {
            x.AccumulateGrad(dx => x.Backend.Copy(g.Buffer, dx));
            bias.AccumulateGrad(db => x.Backend.BiasGrad(layout, g.Buffer, db));
        }, x, bias);
    }
}
