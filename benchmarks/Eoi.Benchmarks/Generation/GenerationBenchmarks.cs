using BenchmarkDotNet.Attributes;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Benchmarks.Generation;

/// <summary>EOI generation (Plan + Materialize in float64) across sizes and densities.</summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class GenerationBenchmarks
{
    public record struct Shape(int Rows, int Cols)
    {
        public override string ToString() => $"{Rows}x{Cols}";
    }

    public static IEnumerable<Shape> Shapes => [new(256, 256), new(1024, 1024), new(4096, 4096)];

    [ParamsSource(nameof(Shapes))]
    public Shape Size;

    [Params(0.01, 0.1, 0.5)]
    public double Density;

    [Benchmark]
    public EoiMatrix PlanAndMaterialize() =>
        SparseOrthogonal.Materialize(SparseOrthogonal.Plan(Size.Rows, Size.Cols, Density, RngKey.FromSeed(1)));
}

/// <summary>The tall first layer of the paper's MLP (784 x 100 weight of 100 -> 784, or its transpose).</summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class TallLayerBenchmark
{
    [Benchmark]
    public EoiMatrix PlanAndMaterialize784x100() =>
        SparseOrthogonal.Materialize(SparseOrthogonal.Plan(784, 100, 0.1, RngKey.FromSeed(1)));
}
