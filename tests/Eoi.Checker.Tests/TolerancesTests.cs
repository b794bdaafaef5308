namespace Eoi.Checker.Tests;

public class TolerancesTests
{
    [Fact]
    public void EstimatedRotationsCoverTheMeasuredMeans()
    {
        // paper.md §1.4: 1791 rotations on average for 784 x 100 at d = 0.1; 516 for 128 x 128 at 0.9.
        Assert.InRange(Tolerances.EstimatedRotations(100, 784, 0.1), 1791, 2 * 1900);
        Assert.InRange(Tolerances.EstimatedRotations(128, 128, 0.9), 516, 2 * 600);
        Assert.Equal(0, Tolerances.EstimatedRotations(1, 1, 1.0));
    }

    [Fact]
    public void BoundsScaleWithGainSquaredAndAllowFloat32Rounding()
    {
        double b = Tolerances.Float64Bound(100, 1.0);
        Assert.Equal(4 * b, Tolerances.Float64Bound(100, 2.0), 15);
        Assert.True(Tolerances.RoundedOnceBound(100, 1.0) > Tolerances.Epsilon32);
        Assert.Equal(4 * Tolerances.Float32Bound(5, 1.0), Tolerances.Float32Bound(5, 2.0), 15);
        Assert.True(b < 1e-12); // far below a 1e-6 corruption
    }

    [Fact]
    public void Float32LoadIsTheLargestColumnCountOrAMultipleOfTheMeanHitCount()
    {
        var rotations = new[] { new Eoi.Orthogonal.GivensRotation(0, 1, 0, 1, 0), new Eoi.Orthogonal.GivensRotation(0, 2, 0, 1, 0) };
        Assert.Equal(2, Tolerances.MaxColumnHits(rotations, 4));
        Assert.Equal(Tolerances.LoadSafety * 2 * 100 / 50.0, Tolerances.LoadFromCount(100, 50), 12);
        // (c / 2) ln((c - 1) d / (1 - d)): 392 ln(783 / 9) = 1750 for 784 x 100 at d = 0.1.
        Assert.InRange(Tolerances.MeanRotations(100, 784, 0.1), 1740, 1760);
        var limit = Tolerances.For(PrecisionModel.Float32, 100, 784, 0.1, null, null, 1.0);
        Assert.Contains("estimated", limit.Basis);
        Assert.Equal(Tolerances.Float32Bound(Tolerances.LoadFromCount(Tolerances.MeanRotations(100, 784, 0.1), 784), 1.0), limit.Bound);
    }
}
