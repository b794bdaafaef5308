using Eoi.Checker;
using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class DenseDeltaOrthogonalTests
{
    [Theory]
    [InlineData(16, 16, 3)]
    [InlineData(16, 3, 3)]
    [InlineData(8, 12, 5)]
    public void HoldsAnOrthogonalMatrixAtTheCentreOnlyWithEveryPositionTrainable(int o, int i, int k)
    {
        var layer = LayerSpec.Conv("c", o, i, k, k);
        var init = DenseDeltaOrthogonal.Initialize(layer, RngKey.FromSeed(4), 1.0);
        var report = MatrixChecker.Check(init.Values, new CheckOptions { Mask = init.Mask });
        Assert.True(report.Passed, string.Join("; ", report.Failures));
        Assert.Equal("0", report.Items.Single(x => x.Name.StartsWith("non-zeros off", StringComparison.Ordinal)).Measured);
        Assert.Equal(1.0, init.Density);
    }

    [Fact]
    public void EvenKernelsAreRejected() =>
        Rejections.AssertRejected(() => DenseDeltaOrthogonal.Initialize(LayerSpec.Conv("c", 4, 4, 2, 2), RngKey.FromSeed(1), 1.0), "kernel", "odd");
}
