using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity.Tests;

public class KaimingTests
{
    static readonly LayerSpec Layer = LayerSpec.Conv("c", 64, 32, 3, 3); // 18,432 weights, fan-in 288

    [Theory]
    [InlineData(KaimingDistribution.Normal, 2.0)]   // excess kurtosis 0: Var(s^2) = 2 sigma^4 / n
    [InlineData(KaimingDistribution.Uniform, 0.8)]  // excess kurtosis -1.2: Var(s^2) = 0.8 sigma^4 / n
    public void VarianceIsGainSquaredOverFanInWithinSamplingError(KaimingDistribution distribution, double varianceFactor)
    {
        double gain = Kaiming.GainFor(Nonlinearity.Relu);
        var w = Kaiming.Initialize(Layer, RngKey.FromSeed(1), gain, distribution).Values.Data.ToArray();
        double expected = gain * gain / Layer.FanIn;
        double mean = w.Average(), variance = w.Sum(x => x * x) / w.Length;
        Assert.InRange(mean, -5 * Math.Sqrt(expected / w.Length), 5 * Math.Sqrt(expected / w.Length));
        double tolerance = 5 * expected * Math.Sqrt(varianceFactor / w.Length);
        Assert.InRange(variance, expected - tolerance, expected + tolerance);
    }

    [Fact]
    public void TheTorchDefaultIsBoundedByOneOverSqrtFanIn()
    {
        var w = Kaiming.Initialize(Layer, RngKey.FromSeed(2), Kaiming.TorchDefaultGain, KaimingDistribution.Uniform).Values.Data.ToArray();
        double bound = 1 / Math.Sqrt(Layer.FanIn);
        Assert.All(w, x => Assert.InRange(x, -bound, bound));
        Assert.True(w.Max() > 0.99 * bound);
    }

    [Fact]
    public void SparseScaledKaimingRescalesEachRowToItsMaskCount()
    {
        var layer = LayerSpec.Linear("fc", 200, 400);
        var mask = new UniformMask().Select([layer], null, 0.1, RngKey.FromSeed(3)).Masks[0];
        var dense = Kaiming.Initialize(layer, RngKey.FromSeed(4), 1.0);
        var sparse = SparseScaledKaiming.Initialize(layer, mask, RngKey.FromSeed(4), 1.0);
        double pooled = 0;
        for (int row = 0; row < layer.Out; row++)
        {
            int nnz = Enumerable.Range(row * layer.In, layer.In).Count(p => mask.Data[p] == 1);
            for (int p = row * layer.In; p < (row + 1) * layer.In; p++)
            {
                double expected = mask.Data[p] == 1 ? dense.Values.Data[p] * Math.Sqrt((double)layer.In / nnz) : 0.0;
                Assert.Equal(expected, sparse.Values.Data[p], 15);
                pooled += sparse.Values.Data[p] * sparse.Values.Data[p] * nnz; // each entry ~ N(0, 1 / nnz)
            }
        }
        long kept = mask.CountNonZero();
        Assert.InRange(pooled / kept, 1 - 5 * Math.Sqrt(2.0 / kept), 1 + 5 * Math.Sqrt(2.0 / kept));
    }

    [Fact]
    public void WithAFullMaskSparseScaledKaimingIsKaiming()
    {
        var layer = LayerSpec.Linear("fc", 10, 20);
        Assert.Equal(Kaiming.Initialize(layer, RngKey.FromSeed(5), 1.0).Values.Data,
                     SparseScaledKaiming.Initialize(layer, Masks.Full(layer), RngKey.FromSeed(5), 1.0).Values.Data);
    }

    [Fact]
    public void GainsMatchTorchCalculateGain()
    {
        Assert.Equal(1.0, Kaiming.GainFor(Nonlinearity.Linear));
        Assert.Equal(5.0 / 3.0, Kaiming.GainFor(Nonlinearity.Tanh));
        Assert.Equal(Math.Sqrt(2.0), Kaiming.GainFor(Nonlinearity.Relu));
        Assert.Equal(Math.Sqrt(2.0 / 1.0001), Kaiming.GainFor(Nonlinearity.LeakyRelu), 15);
    }
}
