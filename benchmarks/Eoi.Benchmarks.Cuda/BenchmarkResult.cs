using System.Globalization;

namespace Eoi.Benchmarks.Cuda;

/// <summary>One timed case: a scenario ("layer" or "mlp"), a variant ("sparse" or "dense"), its shape.</summary>
sealed record BenchmarkResult(string Scenario, string Variant, int Width, int Batch, double Density, Measurement Time)
{
    public const string CsvHeader = "scenario,variant,width,batch,density,median_ms,min_ms,max_ms";

    public string CsvRow() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario},{Variant},{Width},{Batch},{Density},{Time.MedianMs:G6},{Time.MinMs:G6},{Time.MaxMs:G6}");

    public string MarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Scenario} | {Variant} | {Width} | {Batch} | {Density} | {Time.MedianMs:F3} | {Time.MinMs:F3} | {Time.MaxMs:F3} |");

    public const string MarkdownHeader = "| scenario | variant | width | batch | density | median ms | min ms | max ms |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |";
}
