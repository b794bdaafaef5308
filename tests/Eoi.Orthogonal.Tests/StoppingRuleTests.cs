using Eoi.Orthogonal.Testing;
using Eoi.Random;

namespace Eoi.Orthogonal.Tests;

public class StoppingRuleTests
{
    public static TheoryData<int, int, double> Cases => new()
    {
        { 2, 2, 0.75 }, { 16, 16, 0.1 }, { 64, 64, 0.3 }, { 100, 100, 0.1 }, { 100, 100, 0.5 }, { 128, 128, 0.9 },
        { 10, 100, 0.1 }, { 100, 784, 0.1 }, { 784, 100, 0.1 }, { 1, 40, 0.5 }, { 40, 1, 0.5 }, { 30, 20, 0.77 },
    };

    static readonly ulong[] Seeds = [1, 2, 3, 0xFFFF_FFFF_FFFF_FFFF];

    [Theory, MemberData(nameof(Cases))]
    public void PaperRuleKeepsTheIterateTheSpecificationSays(int rows, int cols, double density)
    {
        foreach (ulong seed in Seeds)
        {
            var key = RngKey.FromSeed(seed);
            var plan = SparseOrthogonal.Plan(rows, cols, density, key);
            var (rotations, nonZeros, drawn) = PaperRuleOracle.Expected(rows, cols, density, key);
            Assert.Equal(rotations, plan.Rotations.Count);
            Assert.Equal(nonZeros, plan.NonZeros);
            Assert.Equal(drawn.Take(rotations), plan.Rotations);
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void AchievedDensityIsWithinOneStepOfTheTarget(int rows, int cols, double density)
    {
        foreach (ulong seed in Seeds)
        {
            var plan = SparseOrthogonal.Plan(rows, cols, density, RngKey.FromSeed(seed));
            Assert.InRange(Math.Abs(plan.Density - density), 0.0, 1.0 / Math.Max(rows, cols));
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void NeitherDroppingNorAddingOneRotationIsCloser(int rows, int cols, double density)
    {
        foreach (ulong seed in Seeds)
        {
            var key = RngKey.FromSeed(seed);
            var plan = SparseOrthogonal.Plan(rows, cols, density, key);
            int k = plan.Rotations.Count;
            double distance = Math.Abs(plan.Density - density);
            if (plan.Density >= density)
            {
                // Stopped at the first iterate reaching d: the one before was below d and not strictly closer.
                var fewer = new RotationPlan(rows, cols, density, plan.Rule, key, plan.Rotations.Take(k - 1).ToList());
                Assert.True(k == 0 || (fewer.Density < density && Math.Abs(fewer.Density - density) >= distance));
            }
            else
            {
                // Kept the previous iterate: the next draw reaches d and is strictly farther.
                var next = PaperRuleOracle.Draws(key, plan.LongSide).ElementAt(k);
                var more = new RotationPlan(rows, cols, density, plan.Rule, key, [.. plan.Rotations, next]);
                Assert.True(more.Density >= density && Math.Abs(more.Density - density) > distance);
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 9)]
    [InlineData(9, 1)]
    [InlineData(10, 100)]
    [InlineData(100, 10)]
    [InlineData(64, 64)]
    public void MinimumDensityGivesThePaddedIdentityWithoutRotations(int rows, int cols)
    {
        const double gain = 1.5;
        var matrix = SparseOrthogonal.Generate(rows, cols, SparseOrthogonal.MinimumDensity(rows, cols), RngKey.FromSeed(5), gain);
        Assert.Empty(matrix.Plan.Rotations);
        var dense = matrix.ToDense().Data;
        for (int row = 0; row < rows; row++)
            for (int col = 0; col < cols; col++)
                Assert.Equal(row == col ? gain : 0.0, dense[row * cols + col]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 7)]
    [InlineData(7, 1)]
    [InlineData(16, 16)]
    [InlineData(20, 50)]
    [InlineData(50, 20)]
    public void DensityOneGivesAFullyDenseMatrix(int rows, int cols)
    {
        var matrix = SparseOrthogonal.Generate(rows, cols, 1.0, RngKey.FromSeed(6));
        Assert.Equal((long)rows * cols, matrix.Plan.NonZeros);
        Assert.Equal((long)rows * cols, matrix.ToDense().CountNonZero());
    }

    // Expected rotation counts of the row-support Markov chain and their spread over seeds, from the paper
    // digest §1.3-1.4. The mean of ten seeds must lie within four standard errors.
    [Theory]
    [InlineData(100, 100, 0.1, 123, 4.7)]
    [InlineData(100, 100, 0.5, 252, 5.5)]
    [InlineData(128, 128, 0.125, 192, 4.9)]
    [InlineData(784, 100, 0.1, 1786, 46)]
    [InlineData(100, 784, 0.1, 1786, 46)]
    [InlineData(10, 100, 0.1, 123, 14)]
    public void MeanRotationCountMatchesTheMarkovChain(int rows, int cols, double density, double expected, double sd)
    {
        const int seeds = 10;
        double mean = Enumerable.Range(1, seeds)
            .Average(seed => SparseOrthogonal.Plan(rows, cols, density, RngKey.FromSeed((ulong)seed)).Rotations.Count);
        Assert.InRange(mean, expected - 4 * sd / Math.Sqrt(seeds), expected + 4 * sd / Math.Sqrt(seeds));
    }
}
