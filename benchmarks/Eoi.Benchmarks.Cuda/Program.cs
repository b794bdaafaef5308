using System.Globalization;
using Eoi.Benchmarks.Cuda;

// Usage: Eoi.Benchmarks.Cuda [--backend cuda|cpu] [--only layer|mlp] [--quick] [--csv FILE]
// Prints a Markdown table; --csv also writes the rows. Exits 3, saying why, when the backend cannot open.
string backendKind = "cuda", only = "all";
string? csv = null;
var settings = BenchmarkSettings.Full;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--backend" when i + 1 < args.Length: backendKind = args[++i]; break;
        case "--only" when i + 1 < args.Length: only = args[++i]; break;
        case "--csv" when i + 1 < args.Length: csv = args[++i]; break;
        case "--quick": settings = BenchmarkSettings.Quick; break;
        default:
            Console.Error.WriteLine($"error: unknown argument {args[i]}; usage: [--backend cuda|cpu] [--only layer|mlp] [--quick] [--csv FILE]");
            return 2;
    }
}

using var device = BenchmarkDevice.Open(backendKind, out string reason);
Console.WriteLine(reason);
if (device is null) return 3;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{settings.WarmupCalls} warm-up calls, then {settings.Rounds} rounds of {settings.CallsPerRound} calls; time per call"));
Console.WriteLine(BenchmarkResult.MarkdownHeader);
var results = new List<BenchmarkResult>();
var scenarios = new (string Name, Func<BenchmarkDevice, BenchmarkSettings, IEnumerable<BenchmarkResult>> Run)[]
{
    ("layer", SparseLayerBenchmark.Run),
    ("mlp", MlpStepBenchmark.Run),
};
foreach (var (name, run) in scenarios.Where(s => only == "all" || only == s.Name))
    foreach (var result in run(device, settings))
    {
        Console.WriteLine(result.MarkdownRow());
        results.Add(result);
    }
if (csv is not null) File.WriteAllLines(csv, [BenchmarkResult.CsvHeader, .. results.Select(r => r.CsvRow())]);
return 0;
