using Eoi.Nn.Analysis;
using Eoi.Nn.Training;

namespace Eoi.Nn.Runs;

/// <summary>The density a layer ended up with after initialisation, and its size.</summary>
public sealed record LayerDensity(string Layer, string Shape, long Weights, long Trainable, double Density);

/// <summary>What a run produced. Spectra are empty when layer analysis was off; the Jacobian at initialisation is
/// null when Jacobian recording was off.</summary>
public sealed record RunOutcome(
    RunConfiguration Configuration,
    IReadOnlyList<LayerDensity> Densities,
    double InitSeconds,
    SpectrumStats? InitialJacobian,
    IReadOnlyList<LayerSpectrum> InitialSpectra,
    IReadOnlyList<LayerSpectrum> FinalSpectra,
    TrainingResult Training)
{
    /// <summary>Where the rest of the run's time went (the initialisation is <see cref="InitSeconds"/>).</summary>
    public RunTimings Timings { get; init; } = new(0, 0, 0, 0);

    public double GlobalDensity => Densities.Sum(d => (double)d.Trainable) / Densities.Sum(d => (double)d.Weights);
}

/// <summary>Seconds spent on the singular values of every layer at initialisation (0 when resumed: they come from
/// the checkpoint) and after training, on the epochs (with their evaluations and checkpoints), and on writing the
/// metric files.</summary>
public sealed record RunTimings(double InitialSpectra, double Training, double FinalSpectra, double Files);

/// <summary>What run.json holds: the configuration, the density each layer ended up with, the spectra and the
/// Jacobian at initialisation, the spectra after training, and every epoch's metrics.</summary>
internal sealed record RunSummary(
    RunConfiguration Configuration,
    double GlobalDensity,
    IReadOnlyList<LayerDensity> Densities,
    double InitSeconds,
    SpectrumStats? InitialJacobian,
    IReadOnlyList<LayerSpectrum> InitialSpectra,
    IReadOnlyList<LayerSpectrum> FinalSpectra,
    IReadOnlyList<EpochMetrics> History)
{
    public static RunSummary Of(RunOutcome outcome) => new(outcome.Configuration, outcome.GlobalDensity, outcome.Densities,
        outcome.InitSeconds, outcome.InitialJacobian, outcome.InitialSpectra, outcome.FinalSpectra, outcome.Training.History);
}
