using System.Globalization;
using Eoi.Core;
using Eoi.Random;

namespace Eoi.Orthogonal.Tests;

public class ArgumentTests
{
    static readonly RngKey Key = RngKey.FromSeed(1);

    static void AssertRejected(Action call, string parameter, params string[] rangeParts)
    {
        var error = Assert.Throws<EoiArgumentException>(call);
        Assert.Equal(parameter, error.ParameterName);
        Assert.StartsWith(parameter + " ", error.Message);
        foreach (string part in rangeParts)
            Assert.Contains(part, error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.005)] // below 1 / max(100, 100)
    [InlineData(0.0099999999)]
    [InlineData(1.0000000001)]
    public void DensityOutsideMinimumToOneIsRejected(double density)
    {
        foreach (var rule in Enum.GetValues<StoppingRule>())
        {
            AssertRejected(() => SparseOrthogonal.Plan(100, 100, density, Key, rule), "density", "[0.01, 1]");
            AssertRejected(() => SparseOrthogonal.Generate(100, 100, density, Key, 1.0, rule), "density", "[0.01, 1]");
        }
    }

    [Theory]
    [InlineData(10, 784)]
    [InlineData(784, 10)]
    [InlineData(3, 3)]
    public void DensityMessageNamesTheShapesMinimum(int rows, int cols)
    {
        double minimum = SparseOrthogonal.MinimumDensity(rows, cols);
        AssertRejected(() => SparseOrthogonal.Plan(rows, cols, minimum * 0.999, Key), "density",
                       $"[{minimum.ToString("R", CultureInfo.InvariantCulture)}, 1]");
    }

    [Theory]
    [InlineData(0, 10, "rows")]
    [InlineData(-3, 10, "rows")]
    [InlineData(10, 0, "cols")]
    [InlineData(10, -1, "cols")]
    public void NonPositiveDimensionIsRejected(int rows, int cols, string parameter)
    {
        AssertRejected(() => SparseOrthogonal.Plan(rows, cols, 0.5, Key), parameter, ">= 1");
        AssertRejected(() => SparseOrthogonal.Generate(rows, cols, 0.5, Key), parameter, ">= 1");
    }

    [Fact]
    public void ShapeBeyondAnIntIndexIsRejected() =>
        AssertRejected(() => SparseOrthogonal.Plan(50_000, 50_000, 1.0, Key), "rows", "2147483647");

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonPositiveOrNonFiniteGainIsRejected(double gain)
    {
        AssertRejected(() => SparseOrthogonal.Generate(10, 10, 0.5, Key, gain), "gain", "> 0");
        AssertRejected(() => SparseOrthogonal.Materialize(SparseOrthogonal.Plan(10, 10, 0.5, Key), gain), "gain", "> 0");
        AssertRejected(() => DeltaOrthogonal.Generate(new KernelShape(4, 4, 3, 3), 0.5, Key, gain), "gain", "> 0");
    }

    [Fact]
    public void UndefinedStoppingRuleIsRejected() =>
        AssertRejected(() => SparseOrthogonal.Plan(10, 10, 0.5, Key, (StoppingRule)7), "rule", "Paper", "ExactCount");

    [Fact]
    public void NullPlanIsRejected() =>
        AssertRejected(() => SparseOrthogonal.Materialize(null!), "plan");

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 4)]
    [InlineData(-1, 2)]
    [InlineData(0, 12)]
    public void RotationOutsideTheLongSideIsRejected(int i, int j)
    {
        // The message names the parameter and the offending element ("rotations[0]"), and the range.
        var rotation = new GivensRotation(i, j, 0.5, Math.Cos(0.5), Math.Sin(0.5));
        var error = Assert.Throws<EoiArgumentException>(() => new RotationPlan(4, 12, 0.5, StoppingRule.Paper, null, [rotation]));
        Assert.Equal("rotations", error.ParameterName);
        Assert.StartsWith("rotations[0] must have 0 <= i < j < 12", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.2)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void KernelDensityOutsideZeroToOneIsRejected(double density) =>
        AssertRejected(() => DeltaOrthogonal.Generate(new KernelShape(8, 8, 3, 3), density, Key), "density", "(0, 1]");

    [Theory]
    [InlineData(0, 8, 3, 3, "out")]
    [InlineData(8, 0, 3, 3, "in")]
    [InlineData(8, 8, 0, 3, "kernel height")]
    [InlineData(8, 8, 3, -1, "kernel width")]
    public void NonPositiveKernelDimensionIsRejected(int outChannels, int inChannels, int height, int width, string parameter) =>
        AssertRejected(() => DeltaOrthogonal.Generate(new KernelShape(outChannels, inChannels, height, width), 0.5, Key), parameter, ">= 1");

    [Fact]
    public void UndefinedCentreRuleIsRejected() =>
        AssertRejected(() => DeltaOrthogonal.Generate(new KernelShape(8, 8, 3, 3), 0.5, Key, 1.0, (CentreDensityRule)9), "centreRule", "Plain", "MoreNonZeros");
}
