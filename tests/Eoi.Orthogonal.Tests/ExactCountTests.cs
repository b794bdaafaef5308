using Eoi.Orthogonal.Testing;
using Eoi.Random;

namespace Eoi.Orthogonal.Tests;

public class ExactCountTests
{
    // The rule's stated aim (docs/SPEC.md) is exactly round(d * rows * cols) non-zeros. Every miss over the
    // seeds is listed, with its shortfall, so a failure says how often and by how much.
    [Theory]
    [InlineData(64, 64, 0.3)]
    [InlineData(100, 784, 0.1)]
    [InlineData(784, 100, 0.1)]
    [InlineData(32, 32, 0.5)]
    [InlineData(100, 100, 0.5)]
    [InlineData(1, 100, 0.37)]
    [InlineData(100, 1, 0.37)]
    [InlineData(16, 16, 1.0)]
    public void HitsTheRoundedTargetOnTypicalShapes(int rows, int cols, double density)
    {
        long target = (long)Math.Round(density * rows * cols, MidpointRounding.ToEven);
        Assert.Equal(target, SparseOrthogonal.ExactTarget(density, Math.Min(rows, cols), Math.Max(rows, cols)));
        var misses = new List<string>();
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var matrix = SparseOrthogonal.Generate(rows, cols, density, RngKey.FromSeed(seed), 1.0, StoppingRule.ExactCount);
            if (matrix.Plan.NonZeros != target)
                misses.Add($"seed {seed}: {matrix.Plan.NonZeros}");
            Assert.True(OrthogonalityError.Of(matrix.Weights, 1.0) <= OrthogonalityError.Bound(matrix.Plan.Rotations.Count, 1.0));
        }
        Assert.True(misses.Count == 0, $"target {target} missed by {misses.Count}/20 seeds: {string.Join("; ", misses)}");
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 40)]
    [InlineData(40, 5)]
    [InlineData(24, 24)]
    public void NeverExceedsTheTarget(int rows, int cols)
    {
        int r = Math.Min(rows, cols), c = Math.Max(rows, cols);
        double minimum = SparseOrthogonal.MinimumDensity(rows, cols);
        double[] densities = [minimum, .. Enumerable.Range(1, 15).Select(t => t / 16.0).Where(d => d > minimum), 1.0];
        foreach (double density in densities)
            foreach (ulong seed in new ulong[] { 4, 5 })
            {
                var key = RngKey.FromSeed(seed);
                var plan = SparseOrthogonal.Plan(rows, cols, density, key, StoppingRule.ExactCount);
                Assert.InRange(plan.NonZeros, r, SparseOrthogonal.ExactTarget(density, r, c));
            }
    }

    [Fact]
    public void TargetIsClampedToTheReachableCounts()
    {
        Assert.Equal(10, SparseOrthogonal.ExactTarget(0.001, 10, 100));
        Assert.Equal(1000, SparseOrthogonal.ExactTarget(1.0, 10, 100));
        Assert.Equal(1229, SparseOrthogonal.ExactTarget(0.3, 64, 64));
    }
}
