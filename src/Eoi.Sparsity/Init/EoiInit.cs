using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// Exact Orthogonal Initialization of one layer (paper.md §1.2, §2.1, §8.1): the mask and the values are made
/// together. Linear: an EOI matrix (<see cref="SparseOrthogonal"/>) times the gain, mask = its support.
/// Conv: a sparse delta-orthogonal kernel (<see cref="DeltaOrthogonal"/>) with the given centre density rule.
/// </summary>
public static class EoiInit
{
    /// <summary>
    /// The smallest layer density EOI produces: that of [I_r | 0] at the centre tap, r / (out * in * kh * kw)
    /// = 1 / (max(out, in) * kh * kw). The authors' code returns that matrix for any density at or below it
    /// (paper.md §1.2, "Minimum density"), including a layer a mask method left empty, and so does
    /// <see cref="Initialize"/>.
    /// </summary>
    public static double MinimumDensity(LayerSpec layer)
    {
        Guard.NotNull(layer, nameof(layer));
        return SparseOrthogonal.MinimumDensity(layer.Out, layer.In) / layer.Taps;
    }

    public static LayerInit Initialize(LayerSpec layer, double density, RngKey key, double gain,
                                       CentreDensityRule centreRule = CentreDensityRule.Plain)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.InRange(density, 0.0, 1.0, nameof(density));
        Guard.PositiveFinite(gain, nameof(gain));
        double reachable = Math.Max(density, MinimumDensity(layer));
        if (layer.Kind == LayerKind.Linear)
        {
            return new LayerInit(layer, SparseOrthogonal.Generate(layer.Out, layer.In, reachable, key, gain).Weights);
        }
        DenseDeltaOrthogonal.RequireCentreTap(layer);
        var kernel = DeltaOrthogonal.Generate(new KernelShape(layer.Out, layer.In, layer.KernelHeight, layer.KernelWidth),
                                              reachable, key, gain, centreRule);
        return new LayerInit(layer, kernel.Values, kernel.Mask);
    }
}
