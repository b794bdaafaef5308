namespace Eoi.Nn.Runs;

/// <summary>The files a run writes into its output directory.</summary>
public static class RunFiles
{
    public const string Metrics = "metrics.csv";
    public const string Spectra = "spectra.csv";
    public const string Summary = "run.json";
    public const string Checkpoint = "checkpoint.safetensors";
    /// <summary>The network as initialised, a checkpoint after 0 epochs; written only when the run asks
    /// (<see cref="RunConfiguration.SaveInitialCheckpoint"/>).</summary>
    public const string InitialCheckpoint = "init.safetensors";
    /// <summary>The plots the command line draws from a run's outcome.</summary>
    public const string LossPlot = "loss.png", AccuracyPlot = "accuracy.png", SpectraPlot = "spectra.png", JacobianPlot = "jacobian.png";

    /// <summary>The files <see cref="TrainingRun.Execute"/> writes into every run's directory.</summary>
    public static IReadOnlyList<string> Records { get; } = [Metrics, Spectra, Summary, Checkpoint];

    /// <summary>Every file above that a run may write (each written atomically, so a kill can leave only their
    /// temporary files).</summary>
    public static IReadOnlyList<string> Written { get; } = [.. Records, InitialCheckpoint, LossPlot, AccuracyPlot, SpectraPlot, JacobianPlot];
}
