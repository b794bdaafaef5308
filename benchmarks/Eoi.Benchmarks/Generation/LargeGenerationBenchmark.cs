using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Benchmarks.Generation;

/// <summary>
/// One large layer, 16384 x 16384 at d = 0.01 (about 42,000 rotations, 2.7 million non-zeros), where the
/// dense loop is out of reach (its matrix alone is 2 GiB). Few iterations; the point is time and memory.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LargeGenerationBenchmark
{
    [Benchmark]
    public EoiMatrix PlanAndMaterialize16384() =>
        SparseOrthogonal.Materialize(SparseOrthogonal.Plan(16384, 16384, 0.01, RngKey.FromSeed(1)));
}
