using Eoi.Core;
using Eoi.Sparsity;

namespace Eoi.Nn.Setup;

/// <summary>
/// How to initialise a network (paper.md §3): at density 1 the dense baseline (the dense init alone);
/// below it, the mask method X at the global density, then X's masked dense init (base), Approximate
/// Isometry on it (AI) or EOI at each layer's density (EOI). The dense init, sigma_w, sigma_b, the conv centre
/// rule and AI's iterations live in <see cref="Options"/>.
/// </summary>
public sealed record InitializationPlan
{
    public double Density { get; init; } = 1;
    public MaskMethodKind MaskMethod { get; init; } = MaskMethodKind.Uniform;
    public InitScheme Scheme { get; init; } = InitScheme.Eoi;
    public SparseInitOptions Options { get; init; } = new();
    public MaskMethodOptions MaskOptions { get; init; } = new();
    /// <summary>SAO at this degree instead of X and the scheme (paper.md §4.2: square layers sparse, the others
    /// dense orthogonal); null for X+scheme. <see cref="Density"/> should then be SAO's, degree / width.</summary>
    public int? SaoDegree { get; init; }

    /// <summary>GraSP's temperature on the logits, as the authors use it.</summary>
    public const double GraspTemperature = 200;

    /// <summary>The authors' training-loader batch: SNIP scores its first batch, GraSP every batch.</summary>
    public const int ScoringBatchSize = 128;

    public bool IsDense => Density == 1;

    public bool NeedsData => !IsDense && SaoDegree is null && MaskMethod is MaskMethodKind.Snip or MaskMethodKind.Grasp;

    public bool NeedsScoreModel => !IsDense && SaoDegree is null && MaskMethod is MaskMethodKind.Snip or MaskMethodKind.Grasp or MaskMethodKind.SynFlow;

    public void Validate() => Guard.InRangeExclusiveMin(Density, 0, 1, nameof(Density));
}
