using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity.Tests;

public class ApproximateIsometryTests
{
    static LayerInit MaskedOrthogonal(LayerSpec layer, double density, ulong seed)
    {
        var dense = DenseOrthogonal.Initialize(layer, RngKey.FromSeed(seed), 1.0);
        var mask = new UniformMask().Select([layer], null, density, RngKey.FromSeed(seed + 100)).Masks[0];
        return new LayerInit(layer, Masks.Apply(dense.Values, mask), mask);
    }

    public static TheoryData<LayerSpec> Shapes() =>
    [
        LayerSpec.Linear("wide", 6, 10),
        LayerSpec.Linear("tall", 10, 4),
        LayerSpec.Conv("conv", 4, 3, 3, 3),
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TheAnalyticGradientMatchesCentralDifferencesOfTheLoss(LayerSpec layer)
    {
        const double gain = 1.3, h = 1e-6;
        var init = MaskedOrthogonal(layer, 0.6, 1);
        var gradient = ApproximateIsometry.Gradient(init, gain).Data;
        var values = init.Values;
        for (int p = 0; p < values.Data.Length; p++)
        {
            if (init.Mask.Data[p] == 0) { Assert.Equal(0.0, gradient[p]); continue; }
            double saved = values.Data[p];
            double up = ApproximateIsometry.Loss(new LayerInit(init.Layer, values.With(p, saved + h), init.Mask, init.Bias), gain);
            double down = ApproximateIsometry.Loss(new LayerInit(init.Layer, values.With(p, saved - h), init.Mask, init.Bias), gain);
            Assert.Equal((up - down) / (2 * h), gradient[p], 1e-7);
        }
    }

    [Fact]
    public void DecreasesTheLossAndKeepsPrunedEntriesExactlyZero()
    {
        LayerInit[] layers = [MaskedOrthogonal(LayerSpec.Linear("a", 16, 16), 0.5, 2), MaskedOrthogonal(LayerSpec.Linear("b", 20, 8), 0.4, 3),
                              MaskedOrthogonal(LayerSpec.Conv("c", 8, 8, 3, 3), 0.3, 4)];
        var result = ApproximateIsometry.Run(layers, 1.0, new ApproximateIsometryOptions { Iterations = 300 });
        Assert.Equal(layers.Sum(l => ApproximateIsometry.Loss(l, 1.0)), result.InitialLoss, 12);
        Assert.True(result.FinalLoss < 0.5 * result.InitialLoss, $"{result.InitialLoss} -> {result.FinalLoss}");
        for (int l = 0; l < layers.Length; l++)
        {
            Assert.Same(layers[l].Mask, result.Layers[l].Mask);
            for (int p = 0; p < layers[l].Mask.Data.Length; p++)
                if (layers[l].Mask.Data[p] == 0) Assert.Equal(0.0, result.Layers[l].Values.Data[p]);
        }
        Assert.Equal(result.FinalLoss, result.Layers.Sum(l => ApproximateIsometry.Loss(l, 1.0)), 12);
    }
}
