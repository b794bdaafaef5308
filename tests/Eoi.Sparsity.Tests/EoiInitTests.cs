using Eoi.Checker;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Sparsity.Tests;

public class EoiInitTests
{
    [Theory]
    [InlineData(32, 32, 0.2)]
    [InlineData(10, 64, 0.1)]
    [InlineData(64, 10, 0.3)]
    public void LinearLayersAreExactlyOrthogonalAtTheAskedDensity(int o, int i, double d)
    {
        var init = EoiInit.Initialize(LayerSpec.Linear("fc", o, i), d, RngKey.FromSeed(1), InitScale.ThousandLayerWeightGain);
        var report = MatrixChecker.Check(init.Values, new CheckOptions { TargetDensity = d, Mask = init.Mask, Gain = InitScale.ThousandLayerWeightGain });
        Assert.True(report.Passed, string.Join("; ", report.Failures));
    }

    [Theory]
    [InlineData(CentreDensityRule.Plain)]
    [InlineData(CentreDensityRule.MoreNonZeros)]
    public void ConvLayersAreSparseDeltaOrthogonalWithTheExactMaskCount(CentreDensityRule rule)
    {
        var layer = LayerSpec.Conv("c", 16, 16, 3, 3);
        var init = EoiInit.Initialize(layer, 0.1, RngKey.FromSeed(2), 1.0, rule);
        Assert.Equal(DeltaOrthogonal.MaskTarget(0.1, layer.Count), init.MaskCount);
        var report = MatrixChecker.Check(init.Values, new CheckOptions { TargetDensity = 0.1, Mask = init.Mask, CentreRule = rule });
        Assert.True(report.Passed, string.Join("; ", report.Failures));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.001)]
    public void DensitiesAtOrBelowTheMinimumGiveTheIdentityPaddedWithZeros(double d)
    {
        var linear = EoiInit.Initialize(LayerSpec.Linear("fc", 4, 8), d, RngKey.FromSeed(3), 1.0);
        Assert.Equal([1.0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0], linear.Values.Data);
        var conv = LayerSpec.Conv("c", 4, 8, 3, 3);
        var kernel = EoiInit.Initialize(conv, d, RngKey.FromSeed(3), 1.0);
        Assert.Equal(4, kernel.MaskCount);
        Assert.Equal(EoiInit.MinimumDensity(conv), kernel.Density, 15);
    }

    [Fact]
    public void LinearLayersAreHeldAsCsrWithDenseCopiesOnDemand()
    {
        var layer = LayerSpec.Linear("fc", 24, 40);
        var init = EoiInit.Initialize(layer, 0.2, RngKey.FromSeed(4), 1.5).WithBias(new Core.NdArray([24], Core.ElementType.Float64, new double[24]));
        var matrix = SparseOrthogonal.Generate(24, 40, 0.2, RngKey.FromSeed(4), 1.5);
        Assert.NotNull(init.Sparse);
        Assert.Equal(matrix.Weights.Values, init.Sparse.Values);
        Assert.Equal(matrix.ToDense().Data, init.Values.Data);
        Assert.Equal(matrix.MaskToDense().Data, init.Mask.Data);
        Assert.Equal(layer.Shape, init.Values.Shape);
        Assert.Equal(matrix.Plan.NonZeros, init.MaskCount);
    }

    [Fact]
    public void ASparseInitMustHaveTheLayersShape()
    {
        var matrix = SparseOrthogonal.Generate(8, 12, 0.3, RngKey.FromSeed(5));
        var error = Assert.Throws<Core.EoiArgumentException>(() => new LayerInit(LayerSpec.Linear("fc", 12, 8), matrix.Weights));
        Assert.Contains("weight must be 12 x 8", error.Message);
        Assert.Contains("got 8 x 12", error.Message);
    }
}
