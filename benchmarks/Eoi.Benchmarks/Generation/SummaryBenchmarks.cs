using BenchmarkDotNet.Attributes;
using Eoi.Checker;
using Eoi.Core;
using Eoi.Oracle;
using Eoi.Orthogonal;

namespace Eoi.Benchmarks.Generation;

/// <summary>
/// The work of `eoi generate --rows 1024 --cols 1024 --density 0.1 --seed 1` in process: drawing and materialising
/// the layer (dense values included, dense mask not), and the summary's figures from the sparse orthogonal part,
/// against the dense route `check` takes on the written file (CSR of the dense values, then the same Gram).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class SummaryBenchmarks
{
    static readonly LayerRequest Request = new(LayerKind.Linear, 1024, 1024, 0.1, 1, 1.0, StoppingRule.Paper, KernelSize.Matrix,
                                               CentreDensityRule.Plain, ElementType.Float64);
    Layer layer = null!;

    [GlobalSetup]
    public void Setup() => layer = Eoi.Oracle.Generation.Generate(Request);

    [Benchmark]
    public Layer Generate() => Eoi.Oracle.Generation.Generate(Request);

    [Benchmark]
    public LayerSummary SummaryFromSparsePart() => LayerSummary.Of(layer, TimeSpan.Zero, []);

    [Benchmark(Baseline = true)]
    public double OrthogonalityFromDenseValues() =>
        GramErrors.Orthogonality(GramErrors.ToCsr(layer.Values.Data, Request.Rows, Request.Cols), Request.Gain).Max;
}
