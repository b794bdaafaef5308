using BenchmarkDotNet.Attributes;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Benchmarks.Generation;

/// <summary>
/// EOI against the authors' dense loop, side by side at d = 0.1. The dense loop takes seconds per call at
/// 1024, so the job is one warm-up and five measured iterations.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AuthorsLoopComparison
{
    const double Density = 0.1;
    static readonly RngKey Key = RngKey.FromSeed(1);

    [Params(256, 1024)]
    public int Size;

    /// <summary>Both sides must compute the same matrix, or the comparison means nothing.</summary>
    [GlobalSetup(Target = nameof(AuthorsLoop))]
    public void CheckSameResult()
    {
        var ours = SparseOrthogonal.Generate(Size, Size, Density, Key).ToDense().Data;
        var theirs = AuthorsDenseLoop.Generate(Size, Size, Density, Key);
        for (int p = 0; p < ours.Length; p++)
            if (ours[p] != theirs[p])
                throw new InvalidOperationException($"the dense loop differs from EOI at flat index {p}: {theirs[p]:R} vs {ours[p]:R}");
    }

    [Benchmark(Baseline = true)]
    public double[] AuthorsLoop() => AuthorsDenseLoop.Generate(Size, Size, Density, Key);

    [Benchmark]
    public EoiMatrix Eoi() => SparseOrthogonal.Materialize(SparseOrthogonal.Plan(Size, Size, Density, Key));
}
