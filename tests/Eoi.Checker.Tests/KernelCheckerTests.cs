using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Checker.Tests;

public class KernelCheckerTests
{
    static DeltaOrthogonalKernel Kernel(int o, int i, int k, double d, CentreDensityRule rule = CentreDensityRule.Plain) =>
        DeltaOrthogonal.Generate(new KernelShape(o, i, k, k), d, RngKey.FromSeed(11), 1.0, rule);

    static CheckItem Item(CheckReport report, string name) => report.Items.Single(i => i.Name.StartsWith(name, StringComparison.Ordinal));

    [Theory]
    [InlineData(32, 16, 3, 0.1, CentreDensityRule.Plain)]
    [InlineData(16, 32, 3, 0.1, CentreDensityRule.MoreNonZeros)]
    [InlineData(16, 3, 3, 0.2, CentreDensityRule.MoreNonZeros)]
    [InlineData(8, 8, 5, 0.5, CentreDensityRule.Plain)]
    [InlineData(8, 8, 1, 0.5, CentreDensityRule.Plain)]
    public void AcceptsDeltaOrthogonalKernels(int o, int i, int k, double d, CentreDensityRule rule)
    {
        var kernel = Kernel(o, i, k, d, rule);
        var report = MatrixChecker.Check(kernel.Values, new CheckOptions { TargetDensity = d, Mask = kernel.Mask, CentreRule = rule });
        Assert.True(report.Passed, string.Join("; ", report.Failures));
    }

    [Fact]
    public void AnOffCentreTapBreaksTheDeltaCondition()
    {
        var kernel = Kernel(16, 16, 3, 0.2);
        var values = kernel.Values;
        // Copy a centre entry to the tap above it: the centre stays orthogonal, the shift sums do not vanish.
        int centreFlat = values.IndexOf(v => v != 0);
        values = values.With(centreFlat - 3, values.Data[centreFlat]);
        var report = MatrixChecker.Check(values, new CheckOptions { TargetDensity = 0.2 });
        Assert.Equal(Verdict.Pass, Item(report, "centre tap orthogonality").Verdict);
        Assert.Equal(Verdict.Fail, Item(report, "delta condition").Verdict);
    }

    [Fact]
    public void AWrongMaskCountFails()
    {
        var kernel = Kernel(16, 16, 3, 0.2);
        var mask = kernel.Mask;
        int p = mask.IndexOf(v => v == 0);
        mask = mask.With((p, 1), (mask.IndexOf(v => v == 0, p + 1), 1));
        var report = MatrixChecker.Check(kernel.Values, new CheckOptions { TargetDensity = 0.2, Mask = mask });
        Assert.Equal(Verdict.Fail, Item(report, "mask size").Verdict);
    }

    [Fact]
    public void RejectsEvenKernelsNamingTheKernel()
    {
        var w = new NdArray([2, 2, 2, 2], ElementType.Float64, new double[16]);
        var e = Assert.Throws<EoiArgumentException>(() => MatrixChecker.Check(w, new CheckOptions()));
        Assert.Equal("kernel", e.ParameterName);
    }
}
