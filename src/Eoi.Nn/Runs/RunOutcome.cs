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
    public double GlobalDensity => Densities.Sum(d => (double)d.Trainable) / Densities.Sum(d => (double)d.Weights);
}
