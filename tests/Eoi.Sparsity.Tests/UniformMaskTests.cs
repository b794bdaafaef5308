using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class UniformMaskTests
{
    static readonly LayerSpec[] Layers = [LayerSpec.Conv("c", 32, 16, 3, 3), LayerSpec.Linear("a", 100, 200), LayerSpec.Linear("b", 50, 100)];

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void EveryLayerAndTheWholeNetworkHitTheDensityWithinSamplingError(double d)
    {
        var masks = new UniformMask().Select(Layers, null, d, RngKey.FromSeed(3));
        for (int l = 0; l < Layers.Length; l++)
            Assert.InRange(masks.Density(l), d - 5 * Sigma(d, Layers[l].Count), d + 5 * Sigma(d, Layers[l].Count));
        Assert.InRange(masks.GlobalDensity, d - 5 * Sigma(d, masks.TotalCount), d + 5 * Sigma(d, masks.TotalCount));
    }

    [Fact]
    public void IsAPureFunctionOfTheKey()
    {
        var method = new UniformMask();
        var a = method.Select(Layers, null, 0.2, RngKey.FromSeed(4));
        var b = method.Select(Layers, null, 0.2, RngKey.FromSeed(4));
        var c = method.Select(Layers, null, 0.2, RngKey.FromSeed(5));
        Assert.All(Enumerable.Range(0, Layers.Length), l => Assert.Equal(a.Masks[l].Data, b.Masks[l].Data));
        Assert.NotEqual(a.Masks[1].Data.ToArray(), c.Masks[1].Data.ToArray());
    }

    [Fact]
    public void DensityOneKeepsEverything() =>
        Assert.Equal(1.0, new UniformMask().Select(Layers, null, 1.0, RngKey.FromSeed(1)).GlobalDensity);

    // Standard deviation of the realised density of n Bernoulli(d) entries.
    static double Sigma(double d, long n) => Math.Sqrt(d * (1 - d) / n);
}
