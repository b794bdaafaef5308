using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>Biases ~ N(0, sigma_b^2) (paper.md §1.2: every bias is redrawn); sigma_b = 0 gives exact zeros.</summary>
public static class BiasInit
{
    /// <summary>The bias of the layer, or null when it has none.</summary>
    public static NdArray? Draw(LayerSpec layer, double std, RngKey key)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.InRange(std, 0.0, double.MaxValue, "bias std");
        if (!layer.HasBias) return null;
        var values = std == 0.0 ? new double[layer.Out] : new NormalStream(key).Fill(layer.Out, std);
        return new NdArray([layer.Out], ElementType.Float64, values);
    }
}
