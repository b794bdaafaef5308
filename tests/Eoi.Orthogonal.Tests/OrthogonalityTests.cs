using Eoi.Core;
using Eoi.Orthogonal.Testing;
using Eoi.Random;

namespace Eoi.Orthogonal.Tests;

public class OrthogonalityTests
{
    static readonly ulong[] Seeds = [1, 2, 3];

    [Theory]
    [InlineData(1, 1, 1.0)]
    [InlineData(2, 2, 1.0)]
    [InlineData(64, 64, 0.1)]
    [InlineData(100, 100, 0.5)]
    [InlineData(128, 128, 1.0)]
    [InlineData(512, 512, 0.9)]
    [InlineData(10, 100, 0.1)]
    [InlineData(100, 784, 0.1)]
    [InlineData(128, 2048, 0.9)]
    [InlineData(1, 50, 0.3)]
    [InlineData(784, 100, 0.1)]
    [InlineData(100, 10, 0.1)]
    [InlineData(50, 1, 0.3)]
    public void ErrorOnTheOrthonormalSideIsWithinTheRoundingBound(int rows, int cols, double density)
    {
        foreach (ulong seed in Seeds)
        {
            var matrix = SparseOrthogonal.Generate(rows, cols, density, RngKey.FromSeed(seed));
            double error = OrthogonalityError.Of(matrix.Weights, 1.0);
            double bound = OrthogonalityError.Bound(matrix.Plan.Rotations.Count, 1.0);
            Assert.True(error <= bound, $"{rows}x{cols} d={density} seed {seed}: error {error:E3} > bound {bound:E3}");
        }
    }

    [Theory]
    [InlineData(1.0247)]
    [InlineData(0.5)]
    [InlineData(3.7)]
    public void ErrorWithAGainIsWithinTheBoundScaledByGainSquared(double gain)
    {
        var matrix = SparseOrthogonal.Generate(100, 100, 0.5, RngKey.FromSeed(7), gain);
        double error = OrthogonalityError.Of(matrix.Weights, gain);
        Assert.True(error <= OrthogonalityError.Bound(matrix.Plan.Rotations.Count, gain), $"error {error:E3}");
    }

    [Theory]
    [InlineData(10, 100)]
    [InlineData(1, 30)]
    [InlineData(100, 784)]
    [InlineData(63, 64)]
    public void WideMatrixIsRowOrthogonalAndNotColumnOrthogonal(int rows, int cols)
    {
        var w = SparseOrthogonal.Generate(rows, cols, 0.3, RngKey.FromSeed(11)).Weights;
        Assert.True(OrthogonalityError.OfRows(w, 1.0) <= 1e-12);
        // W^T W is a rank-r projection of a c-dimensional space, so its trace is r < c: some diagonal
        // entry is at most r / c, an error of at least 1 - r / c.
        Assert.True(OrthogonalityError.OfRows(w.Transpose(), 1.0) >= 1.0 - (double)rows / cols - 1e-12);
    }

    [Theory]
    [InlineData(100, 10)]
    [InlineData(30, 1)]
    [InlineData(784, 100)]
    [InlineData(64, 63)]
    public void TallMatrixIsColumnOrthogonalAndNotRowOrthogonal(int rows, int cols)
    {
        var w = SparseOrthogonal.Generate(rows, cols, 0.3, RngKey.FromSeed(12)).Weights;
        Assert.True(OrthogonalityError.OfRows(w.Transpose(), 1.0) <= 1e-12);
        Assert.True(OrthogonalityError.OfRows(w, 1.0) >= 1.0 - (double)cols / rows - 1e-12);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(16, 0.2)]
    [InlineData(100, 0.1)]
    public void SquareMatrixIsOrthogonalOnBothSides(int n, double density)
    {
        var matrix = SparseOrthogonal.Generate(n, n, density, RngKey.FromSeed(13));
        double bound = OrthogonalityError.Bound(matrix.Plan.Rotations.Count, 1.0);
        Assert.True(OrthogonalityError.OfRows(matrix.Weights, 1.0) <= bound);
        Assert.True(OrthogonalityError.OfRows(matrix.Weights.Transpose(), 1.0) <= bound);
    }

    [Fact]
    public void TransposedFlagFollowsTheLongSide()
    {
        Assert.False(SparseOrthogonal.Plan(10, 20, 0.2, RngKey.FromSeed(1)).Transposed);
        Assert.False(SparseOrthogonal.Plan(20, 20, 0.2, RngKey.FromSeed(1)).Transposed);
        Assert.True(SparseOrthogonal.Plan(20, 10, 0.2, RngKey.FromSeed(1)).Transposed);
    }

    [Fact]
    public void HelperDetectsALostRotation()
    {
        // The checks above are only worth something if the helper can fail: scaling one entry breaks
        // orthogonality by far more than the bound. The largest entry has |v| >= 1/sqrt(32), so the
        // diagonal moves by at least 2e-9 / 32.
        var generated = SparseOrthogonal.Generate(32, 32, 0.5, RngKey.FromSeed(3)).Weights;
        var values = generated.Values.ToArray();
        int largest = Array.IndexOf(values, values.MaxBy(Math.Abs));
        values[largest] *= 1.0 + 1e-9;
        var w = new CsrMatrix(generated.Pattern, values);
        Assert.True(OrthogonalityError.Of(w, 1.0) > OrthogonalityError.Bound(10_000, 1.0));
    }
}
