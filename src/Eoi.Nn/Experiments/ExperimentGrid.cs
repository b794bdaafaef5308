using System.Globalization;
using Eoi.Core.Backend;
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

/// <summary>One cell of a grid: everything but the seed.</summary>
public sealed record ExperimentCell(Activation Activation, double Density, MaskMethodKind Mask, InitScheme Scheme)
{
    public bool IsDense => Density == 1;

    /// <summary>"Tanh d=0.1 Uniform+EOI", or "Tanh d=1 dense".</summary>
    public string Label => IsDense
        ? string.Create(CultureInfo.InvariantCulture, $"{Activation.Kind} d=1 dense")
        : string.Create(CultureInfo.InvariantCulture, $"{Activation.Kind} d={Density} {Mask}+{SchemeName(Scheme)}");

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
/// configuration (network, data, training). At density 1 the mask and scheme do not apply, so each activation
/// has a single dense cell there.
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
    IReadOnlyList<InitScheme> Schemes)
{
    public IReadOnlyList<ExperimentCell> Cells() =>
        [.. from activation in Activations
            from density in Densities
            from cell in density == 1
                ? [new ExperimentCell(activation, 1, MaskMethodKind.Uniform, InitScheme.Base)]
                : from mask in Masks from scheme in Schemes select new ExperimentCell(activation, density, mask, scheme)
            select cell];

    public int RunCount => Cells().Count * Seeds.Count;

    /// <summary>The configuration of one run of the grid.</summary>
    public RunConfiguration ConfigurationFor(ExperimentCell cell, ulong seed) => Base with
    {
        Activation = cell.Activation,
        Init = Base.Init with { Density = cell.Density, MaskMethod = cell.Mask, Scheme = cell.Scheme },
        Training = Base.Training with { Seed = seed },
    };
}
