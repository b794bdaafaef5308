using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class ErkMaskTests
{
    [Fact]
    public void DensitiesAreProportionalToTheRatioAndHitTheGlobalCount()
    {
        var layers = Networks.SmallCnn();
        var densities = ErkMask.Densities(layers, 0.1);
        double epsilon = densities[0] / ErkMask.RawRatio(layers[0]);
        for (int l = 0; l < layers.Length; l++)
            Assert.Equal(epsilon * ErkMask.RawRatio(layers[l]), densities[l], 12);
        Assert.Equal(0.1 * layers.Sum(l => l.Count), layers.Select((l, i) => l.Count * densities[i]).Sum(), 9);
        // Conv kernel dims count in the ratio: (8 + 8 + 3 + 3) / (8 * 8 * 9).
        Assert.Equal(22.0 / 576.0, ErkMask.RawRatio(layers[1]), 15);
    }

    [Fact]
    public void ALayerThatWouldExceedOneBecomesDenseAndTheRestIsResolved()
    {
        LayerSpec[] layers = [LayerSpec.Linear("big", 256, 256), LayerSpec.Linear("mid", 128, 256), LayerSpec.Linear("tiny", 4, 10)];
        var densities = ErkMask.Densities(layers, 0.5);
        Assert.Equal(1.0, densities[2]);
        Assert.True(densities[0] < 1.0 && densities[1] < 1.0);
        Assert.Equal(densities[0] / ErkMask.RawRatio(layers[0]), densities[1] / ErkMask.RawRatio(layers[1]), 12);
        Assert.Equal(0.5 * layers.Sum(l => l.Count), layers.Select((l, i) => l.Count * densities[i]).Sum(), 9);
    }

    [Fact]
    public void ReproducesTheDigestsSplitForTheThousandLayerMlp()
    {
        // paper.md §6.3: at 0.125, first layer ≈ 7.3 %, hidden ≈ 12.5 %, last ≈ 86 %.
        var densities = ErkMask.Densities(Networks.ThousandLayerMlp(), 0.125);
        Assert.Equal(0.073, densities[0], 0.001);
        Assert.Equal(0.125, densities[500], 0.001);
        Assert.Equal(0.86, densities[^1], 0.01);
    }

    [Fact]
    public void MasksAreBernoulliAtTheLayerDensities()
    {
        var layers = new[] { LayerSpec.Linear("a", 200, 300), LayerSpec.Linear("b", 100, 200), LayerSpec.Linear("c", 10, 100) };
        var densities = ErkMask.Densities(layers, 0.2);
        var masks = new ErkMask().Select(layers, null, 0.2, RngKey.FromSeed(8));
        for (int l = 0; l < layers.Length; l++)
        {
            double sigma = Math.Sqrt(densities[l] * (1 - densities[l]) / layers[l].Count);
            Assert.InRange(masks.Density(l), densities[l] - 5 * sigma - 1e-12, densities[l] + 5 * sigma + 1e-12);
        }
    }

    [Fact]
    public void DensityOneMakesEveryLayerDense() =>
        Assert.All(ErkMask.Densities(Networks.SmallCnn(), 1.0), d => Assert.Equal(1.0, d));
}
