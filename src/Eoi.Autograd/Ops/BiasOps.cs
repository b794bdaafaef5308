using Eoi.Core;
using Eoi.Core.Backend;

namespace Eoi.Autograd;

/// <summary>Adds a per-channel bias along axis 1: [batch, features] + [features], or [N, C, H, W] + [C].</summary>
public static class BiasOps
{
    public static Tensor AddBias(this Tensor x, Tensor bias)
    {
        Guard.NotNull(x, nameof(x));
        if (x.Shape.Rank < 2)
            throw new EoiArgumentException(nameof(x), $"x must have rank >= 2 ([batch, channels, ...]); got shape {x.Shape}");
        OpChecks.Rank(bias, 1, nameof(bias), "[channels]");
        OpChecks.Compatible(x, bias, nameof(bias));
        OpChecks.Dimension(bias.Shape[0], x.Shape[1], nameof(bias), "length equal to axis 1 of x", bias);
        var layout = new ChannelLayout(x.Shape[0], x.Shape[1], x.Shape.ElementsFrom(2));
        var y = x.NewLike(x.Shape);
        x.Backend.BiasAdd(layout, x.Buffer, bias.Buffer, y.Buffer);
        return y.Record(g =>
        {
            x.AccumulateGrad(dx => x.Backend.Copy(g.Buffer, dx));
            bias.AccumulateGrad(db => x.Backend.BiasGrad(layout, g.Buffer, db));
        }, x, bias);
    }
}
