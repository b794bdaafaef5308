namespace Eoi.Nn.Runs;

/// <summary>The files a run writes into its output directory.</summary>
public static class RunFiles
{
    public const string Metrics = "metrics.csv";
    public const string Spectra = "spectra.csv";
    public const string Summary = "run.json";
    public const string Checkpoint = "checkpoint.safetensors";

    /// <summary>Every file above (each written atomically).</summary>
    public static IReadOnlyList<string> Written { get; } = [Metrics, Spectra, Summary, Checkpoint];
}
