using System.Globalization;
using Eoi.Backends;
using Eoi.Nn.Runs;
using Eoi.Sparsity;

namespace Eoi.Nn.Experiments;

/// <summary>What a grid reports for each run.</summary>
public enum ExperimentMeasure
{
    /// <summary>Train, then the final-epoch test accuracy (the paper's reported metric).</summary>
    FinalTestAccuracy,
    /// <summary>No training: the input-output Jacobian's singular values at initialisation (paper.md §6.1).</summary>
    JacobianAtInit,
}

/// <summary>How a cell initialises: a mask method and scheme, or one of the reference arms the paper adds.</summary>
public enum ExperimentArm
{
    /// <summary>Mask method X followed by base, AI or EOI.</summary>
    MaskScheme,
    /// <summary>Density 1: the dense init alone (<see cref="ExperimentGrid.DenseArmInitKind"/>).</summary>
    Dense,
    /// <summary>SAO at <see cref="ExperimentGrid.SaoDegree"/> (paper.md §4.2), used in the 1000-layer experiments.</summary>
    Sao,
}

/// <summary>One cell of a grid: everything but the seed. Mask and scheme mean nothing outside <see cref="ExperimentArm.MaskScheme"/>.</summary>
public sealed record ExperimentCell(Activation Activation, double Density, MaskMethodKind Mask, InitScheme Scheme, ExperimentArm Arm = ExperimentArm.MaskScheme)
{
    public bool IsDense => Arm == ExperimentArm.Dense;

    public static ExperimentCell DenseOf(Activation activation) => new(activation, 1, MaskMethodKind.Uniform, InitScheme.Base, ExperimentArm.Dense);

    /// <summary>"Tanh d=0.1 Uniform+EOI", "Tanh d=1 dense" or "Tanh d=0.125 SAO".</summary>
    public string Label => Arm == ExperimentArm.MaskScheme
        ? string.Create(CultureInfo.InvariantCulture, $"{Activation.Kind} d={Density} {Mask}+{SchemeName(Scheme)}")
        : string.Create(CultureInfo.InvariantCulture, $"{Activation.Kind} d={Density} {MethodName}");

    /// <summary>The summary's mask column: the mask method, or "-" for the reference arms.</summary>
    public string MaskName => Arm == ExperimentArm.MaskScheme ? Mask.ToString() : "-";

    /// <summary>The summary's scheme column: base, AI, EOI, dense or SAO.</summary>
    public string MethodName => Arm switch
    {
        ExperimentArm.Dense => "dense",
        ExperimentArm.Sao => "SAO",
        _ => SchemeName(Scheme),
    };

    /// <summary>The paper's names: base, AI, EOI.</summary>
    public static string SchemeName(InitScheme scheme) => scheme switch
    {
        InitScheme.Base => "base",
        InitScheme.ApproximateIsometry => "AI",
        _ => "EOI",
    };
}

/// <summary>
/// A named grid of runs: seeds x activations x densities x mask methods x {base, AI, EOI} over one base
/// configuration (network, data, training), plus the reference arms in <see cref="ExtraArms"/> once per
/// activation. At density 1 the mask and scheme do not apply, so each activation has a single dense cell there.
/// </summary>
public sealed record ExperimentGrid(
    string Name,
    string Description,
    ExperimentMeasure Measure,
    RunConfiguration Base,
    IReadOnlyList<ulong> Seeds,
    IReadOnlyList<Activation> Activations,
    IReadOnlyList<double> Densities,
    IReadOnlyList<MaskMethodKind> Masks,
    IReadOnlyList<InitScheme> Schemes,
    IReadOnlyList<ExperimentArm> ExtraArms)
{
    /// <summary>The authors' SAO degree in the 1000-layer experiments (paper.md §4.2): 16 of width 128.</summary>
    public const int PaperSaoDegree = 16, PaperSaoWidth = 128;

    /// <summary>The SAO arm's degree: the paper's 16 at width 128, scaled with the width (width / 8, at least 2)
    /// so that a narrower grid keeps SAO's density of 0.125.</summary>
    public int SaoDegree => Math.Max(2, (int)Math.Round((double)PaperSaoDegree * Base.Width / PaperSaoWidth));

    /// <summary>The dense arm's init when it is not the one the masks are chosen on (the deep CNN: masks on
    /// conv-orthogonal, dense arm delta-orthogonal, paper.md §6.3); null for the same.</summary>
    public DenseInitKind? DenseArmInit { get; init; }

    /// <summary>The init the dense arm runs: <see cref="DenseArmInit"/>, else the base's dense init.</summary>
    public DenseInitKind DenseArmInitKind => DenseArmInit ?? Base.Init.Options.DenseInit;

    /// <summary>Each layer's in-degree over the width: SAO's density on the square layers.</summary>
    public double SaoDensity => (double)SaoDegree / Base.Width;

    public IReadOnlyList<ExperimentCell> Cells() =>
        [.. (from activation in Activations
             from cell in SparseAndDenseCells(activation).Concat(ExtraArms.Select(arm => ArmCell(activation, arm)))
             select cell).Distinct()];

    public int RunCount => Cells().Count * Seeds.Count;

    /// <summary>Every run in the order the grid runs them: cell by cell, seeds inner.</summary>
    public IReadOnlyList<GridRun> Runs() =>
        [.. Cells().SelectMany(cell => Seeds.Select(seed => (cell, seed))).Select((run, index) => new GridRun(index + 1, run.cell, run.seed))];

    /// <summary>The configuration of one run of the grid.</summary>
    public RunConfiguration ConfigurationFor(ExperimentCell cell, ulong seed) => Base with
    {
        Activation = cell.Activation,
        Init = Base.Init with
        {
            Density = cell.Density,
            MaskMethod = cell.Mask,
            Scheme = cell.Scheme,
            SaoDegree = cell.Arm == ExperimentArm.Sao ? SaoDegree : null,
            Options = cell.IsDense ? Base.Init.Options with { DenseInit = DenseArmInitKind } : Base.Init.Options,
        },
        Training = Base.Training with { Seed = seed },
    };

    IEnumerable<ExperimentCell> SparseAndDenseCells(Activation activation) =>
        from density in Densities
        from cell in density == 1
            ? [ExperimentCell.DenseOf(activation)]
            : from mask in Masks from scheme in Schemes select new ExperimentCell(activation, density, mask, scheme)
        select cell;

    ExperimentCell ArmCell(Activation activation, ExperimentArm arm) => arm switch
    {
        ExperimentArm.Dense => ExperimentCell.DenseOf(activation),
        ExperimentArm.Sao => new ExperimentCell(activation, SaoDensity, MaskMethodKind.Uniform, InitScheme.Base, ExperimentArm.Sao),
        _ => throw new ArgumentOutOfRangeException(nameof(arm), arm, "extra arms are the reference arms, not mask x scheme"),
    };
}
