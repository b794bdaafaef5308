using Eoi.Core;
using Eoi.Orthogonal;

namespace Eoi.Sparsity;

/// <summary>Settings of <see cref="SparseInit"/>; the defaults are the paper's contemporary-network values.</summary>
public sealed record SparseInitOptions
{
    public DenseInitKind DenseInit { get; init; } = DenseInitKind.Orthogonal;
    /// <summary>sigma_w (gain of the orthogonal, delta-orthogonal and EOI inits, and AI's target) and sigma_b.</summary>
    public InitScale Scale { get; init; } = InitScale.Standard;
    /// <summary>Gain of the Kaiming inits (<see cref="Kaiming.GainFor"/>); sigma_w does not apply to them.</summary>
    public double KaimingGain { get; init; } = 1.0;
    public KaimingDistribution KaimingDistribution { get; init; } = KaimingDistribution.Normal;
    /// <summary>EOI's conv centre density: Plain (the 1000-layer CNN) or MoreNonZeros (ResNets, VGG, EfficientNet).</summary>
    public CentreDensityRule CentreRule { get; init; } = CentreDensityRule.Plain;
    public ApproximateIsometryOptions ApproximateIsometry { get; init; } = new();

    internal void Validate()
    {
        if (!Enum.IsDefined(DenseInit))
            throw new EoiArgumentException("dense init", $"dense init must be one of {string.Join(", ", Enum.GetNames<DenseInitKind>())}; got {(int)DenseInit}");
        if (Scale.WeightGain == 0.0)
            throw new EoiArgumentException("scale", "scale must be built with its constructor (weight gain > 0)");
        Guard.PositiveFinite(KaimingGain, "kaiming gain");
        if (!Enum.IsDefined(KaimingDistribution))
            throw new EoiArgumentException("kaiming distribution", $"kaiming distribution must be one of {string.Join(", ", Enum.GetNames<KaimingDistribution>())}; got {(int)KaimingDistribution}");
        if (!Enum.IsDefined(CentreRule))
            throw new EoiArgumentException("centre rule", $"centre rule must be one of {string.Join(", ", Enum.GetNames<CentreDensityRule>())}; got {(int)CentreRule}");
        Guard.NotNull(ApproximateIsometry, "approximate isometry");
        ApproximateIsometry.Validate();
    }
}
