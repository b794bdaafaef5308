using Eoi.Core;
using Eoi.Orthogonal.Testing;
using Eoi.Random;

namespace Eoi.Orthogonal.Tests;

public class DeltaOrthogonalTests
{
    public static TheoryData<KernelShape, double, CentreDensityRule> Kernels => new()
    {
        { new(16, 3, 3, 3), 0.1, CentreDensityRule.Plain },
        { new(16, 3, 3, 3), 0.1, CentreDensityRule.MoreNonZeros },
        { new(32, 16, 3, 3), 0.05, CentreDensityRule.MoreNonZeros },
        { new(32, 32, 3, 3), 0.125, CentreDensityRule.Plain },
        { new(8, 24, 5, 5), 0.02, CentreDensityRule.MoreNonZeros },
        { new(10, 10, 1, 1), 0.3, CentreDensityRule.MoreNonZeros },
        { new(16, 3, 3, 3), 0.01, CentreDensityRule.Plain },
        { new(4, 4, 3, 5), 0.2, CentreDensityRule.Plain },
        { new(12, 6, 3, 3), 1.0, CentreDensityRule.MoreNonZeros },
    };

    [Theory, MemberData(nameof(Kernels))]
    public void CentreTapHoldsGainTimesAnOrthogonalMatrixAndOtherTapsAreZero(KernelShape shape, double density, CentreDensityRule rule)
    {
        const double gain = 1.0247;
        var kernel = DeltaOrthogonal.Generate(shape, density, RngKey.FromSeed(41), gain, rule);
        Assert.Equal(shape.ToShape(), kernel.Values.Shape);
        var centre = kernel.Centre.ToDense().Data;
        int taps = shape.Height * shape.Width, centreTap = (shape.Height / 2) * shape.Width + shape.Width / 2;
        for (int o = 0; o < shape.Out; o++)
            for (int i = 0; i < shape.In; i++)
                for (int t = 0; t < taps; t++)
                {
                    double value = kernel.Values.Data[(o * shape.In + i) * taps + t];
                    double expected = t == centreTap ? centre[o * shape.In + i] : 0.0;
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
                }
        Assert.Equal(gain, kernel.Centre.Gain);
        double error = OrthogonalityError.Of(kernel.Centre.Weights, gain);
        Assert.True(error <= OrthogonalityError.Bound(kernel.Centre.Plan.Rotations.Count, gain), $"error {error:E3}");
    }

    [Theory, MemberData(nameof(Kernels))]
    public void CentreIsTheMatrixOfTheFirstChildKey(KernelShape shape, double density, CentreDensityRule rule)
    {
        var key = RngKey.FromSeed(42);
        var kernel = DeltaOrthogonal.Generate(shape, density, key, 2.0, rule);
        var expected = SparseOrthogonal.Generate(shape.Out, shape.In, kernel.CentreDensity, key.Split(0), 2.0);
        Assert.Equal(expected.ToDense().Data, kernel.Centre.ToDense().Data);
    }

    [Theory, MemberData(nameof(Kernels))]
    public void MaskCountIsTheLargerOfCentreAndBudget(KernelShape shape, double density, CentreDensityRule rule)
    {
        var kernel = DeltaOrthogonal.Generate(shape, density, RngKey.FromSeed(43), 1.0, rule);
        long budget = (long)Math.Round(density * shape.Count, MidpointRounding.ToEven);
        long expected = density == 1.0 ? shape.Count : Math.Max(kernel.Centre.Plan.NonZeros, budget);
        Assert.Equal(expected, kernel.MaskCount);
        Assert.Equal(ElementType.Bool, kernel.Mask.ElementType);
        Assert.All(kernel.Mask.Data.ToArray(), m => Assert.True(m is 0.0 or 1.0));
        for (int p = 0; p < kernel.Values.Data.Length; p++)
            Assert.True(kernel.Values.Data[p] == 0.0 || kernel.Mask.Data[p] == 1.0, $"value at {p} off the mask");
    }

    [Theory]
    [InlineData(0.005, 3, 0.045)]      // below 1/81 the whole budget fits the centre: d k^2
    [InlineData(0.05, 3, 0.22360679774997896)] // sqrt(d) caps the centre
    [InlineData(0.1, 3, 0.31622776601683794)]
    [InlineData(0.3, 1, 0.3)]           // 1 x 1: d itself
    [InlineData(0.001, 5, 0.025)]
    [InlineData(0.01, 5, 0.1)]
    [InlineData(0.5, 3, 0.7071067811865476)]
    public void MoreNonZerosCentreDensityIsTheSmallestOfThreeBounds(double density, int k, double expected)
    {
        Assert.Equal(Math.Min(Math.Min(density * k * k, 1.0), Math.Sqrt(density)), DeltaOrthogonal.CentreDensityFor(density, k, k, CentreDensityRule.MoreNonZeros));
        Assert.Equal(expected, DeltaOrthogonal.CentreDensityFor(density, k, k, CentreDensityRule.MoreNonZeros), 15);
        Assert.Equal(density, DeltaOrthogonal.CentreDensityFor(density, k, k, CentreDensityRule.Plain));
    }

    [Theory]
    [InlineData(64, 64, 0.1, CentreDensityRule.MoreNonZeros, 0.31622776601683794, false)]
    [InlineData(64, 64, 0.1, CentreDensityRule.Plain, 0.1, false)]
    [InlineData(16, 3, 0.01, CentreDensityRule.Plain, 0.0625, true)] // raised to 1/16
    public void KernelRecordsTheCentreDensityItUsed(int outChannels, int inChannels, double density, CentreDensityRule rule,
                                                    double centreDensity, bool raised)
    {
        var kernel = DeltaOrthogonal.Generate(new KernelShape(outChannels, inChannels, 3, 3), density, RngKey.FromSeed(44), 1.0, rule);
        Assert.Equal(centreDensity, kernel.CentreDensity, 15);
        Assert.Equal(raised, kernel.CentreDensityRaised);
        Assert.InRange(Math.Abs(kernel.Centre.Plan.Density - centreDensity), 0.0, 1.0 / Math.Max(outChannels, inChannels));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(4, 4)]
    public void EvenKernelSizesAreRejected(int height, int width)
    {
        var error = Assert.Throws<EoiArgumentException>(() =>
            DeltaOrthogonal.Generate(new KernelShape(8, 8, height, width), 0.1, RngKey.FromSeed(1)));
        Assert.Equal("kernel", error.ParameterName);
        Assert.Contains("kernel", error.Message);
        Assert.Contains("odd", error.Message);
    }

    [Fact]
    public void DensityOneGivesAnAllOnesMask()
    {
        var shape = new KernelShape(8, 4, 3, 3);
        var kernel = DeltaOrthogonal.Generate(shape, 1.0, RngKey.FromSeed(45));
        Assert.Equal(shape.Count, kernel.MaskCount);
        Assert.Equal(shape.In * shape.Out, kernel.Values.CountNonZero());
    }

    [Fact]
    public void SameKeyGivesTheSameKernelAndAnotherKeyAnotherMask()
    {
        var shape = new KernelShape(32, 16, 3, 3);
        var a = DeltaOrthogonal.Generate(shape, 0.1, RngKey.FromSeed(46), 1.0, CentreDensityRule.MoreNonZeros);
        var b = DeltaOrthogonal.Generate(shape, 0.1, RngKey.FromSeed(46), 1.0, CentreDensityRule.MoreNonZeros);
        var c = DeltaOrthogonal.Generate(shape, 0.1, RngKey.FromSeed(47), 1.0, CentreDensityRule.MoreNonZeros);
        Assert.Equal(a.Values.Data, b.Values.Data);
        Assert.Equal(a.Mask.Data, b.Mask.Data);
        Assert.NotEqual(a.Mask.Data.ToArray(), c.Mask.Data.ToArray());
    }
}
