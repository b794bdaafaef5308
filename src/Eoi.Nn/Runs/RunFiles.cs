namespace Eoi.Nn.Runs;

/// <summary>The files a run writes into its output directory.</summary>
public static class RunFiles
{
    public const string Metrics = "metrics.csv";
    public const string Spectra = "spectra.csv";
    public const string Summary = "run.json";
    public const string Checkpoint = "checkpoint.safetensors";
    /// <summary>The plots the command line draws from a run's outcome.</summary>
    public const string LossPlot = "loss.png", AccuracyPlot = "accuracy.png", SpectraPlot = "spectra.png", JacobianPlot = "jacobian.png";

    /// <summary>Every file above (each written atomically, so a kill can leave only their temporary files).</summary>
    public static IReadOnlyList<string> Written { get; } = [Metrics, Spectra, Summary, Checkpoint, LossPlot, AccuracyPlot, SpectraPlot, JacobianPlot];
}
