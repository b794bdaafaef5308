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
        double b = Tolerances.OrthogonalityBound(100, false, 1.0);
        Assert.Equal(4 * b, Tolerances.OrthogonalityBound(100, false, 2.0), 15);
        Assert.True(Tolerances.OrthogonalityBound(100, true, 1.0) > Tolerances.Epsilon32);
        Assert.True(b < 1e-12); // far below a 1e-6 corruption
    }
}
