using Eoi.Core;
using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class SynFlowMaskTests
{
    /// <summary>A 6-6-6-6 MLP whose middle layer is 100 times smaller than the others.</summary>
    static (TinyMlp Model, NdArray[] Weights) BottleneckedMlp()
    {
        var model = new TinyMlp([6, 6, 6, 6]);
        var stream = new RandomStream(RngKey.FromSeed(9));
        var weights = model.Layers.Select((layer, l) =>
        {
            double scale = l == 1 ? 0.01 : 1.0;
            var data = Enumerable.Range(0, layer.Count)
                .Select(_ => scale * (1 + stream.NextDouble()) * (stream.NextBelow(2) == 0 ? -1 : 1)).ToArray();
            return new NdArray(layer.Shape, ElementType.Float64, data);
        }).ToArray();
        return (model, weights);
    }

    [Fact]
    public void AvoidsTheLayerCollapseOfSingleShotMagnitudePruning()
    {
        var (model, weights) = BottleneckedMlp();
        const double density = 0.15;
        long k = (long)Math.Round(density * model.Layers.Sum(l => l.Count), MidpointRounding.ToEven);

        // Global magnitude pruning keeps the k largest |w|: all in the outer layers, so the middle one is cut.
        var magnitudes = weights.SelectMany(w => w.Data.ToArray().Select(Math.Abs)).ToArray();
        double threshold = magnitudes.OrderDescending().ElementAt((int)k - 1);
        Assert.All(weights[1].Data.ToArray(), x => Assert.True(Math.Abs(x) < threshold));

        var masks = MaskMethods.Create(MaskMethodKind.SynFlow, model).Select(model.Layers, weights, density, RngKey.FromSeed(1));
        Assert.Equal(k, masks.TotalNonZeros);
        Assert.All(Enumerable.Range(0, 3), l => Assert.True(masks.NonZeros(l) > 0, $"layer {l} collapsed"));
        var kept = weights.Select((w, l) => w.Data.ToArray().Select((x, p) => masks.Masks[l].Data[p] * Math.Abs(x)).ToArray()).ToArray();
        Assert.True(model.SynFlowObjective(kept) > 0, "no input-output path survives");
    }

    [Fact]
    public void HitsTheGlobalCountAndIsAPureFunctionOfTheKey()
    {
        var model = new TinyMlp([8, 6, 5, 3]);
        var weights = SparseInit.BuildDense(model.Layers, RngKey.FromSeed(3)).Select(l => l.Values).ToArray();
        var method = MaskMethods.Create(MaskMethodKind.SynFlow, model, new MaskMethodOptions { SynFlowIterations = 20 });
        var a = method.Select(model.Layers, weights, 0.2, RngKey.FromSeed(4));
        var b = method.Select(model.Layers, weights, 0.2, RngKey.FromSeed(4));
        Assert.Equal((long)Math.Round(0.2 * a.TotalCount, MidpointRounding.ToEven), a.TotalNonZeros);
        Assert.All(Enumerable.Range(0, 3), l => Assert.Equal(a.Masks[l].Data, b.Masks[l].Data));
    }

    [Fact]
    public void OneIterationIsSingleShotSynFlow()
    {
        // With T = 1 the mask is the top-k of |w ⊙ dR/dw| at the dense |w|.
        var model = new TinyMlp([5, 4, 3]);
        var weights = SparseInit.BuildDense(model.Layers, RngKey.FromSeed(5)).Select(l => l.Values).ToArray();
        var masks = new SynFlowMask(model, iterations: 1).Select(model.Layers, weights, 0.4, RngKey.FromSeed(6));
        var abs = weights.Select(w => w.Data.ToArray().Select(Math.Abs).ToArray()).ToArray();
        var g = model.SynFlowGradients(abs);
        var scores = abs.SelectMany((w, l) => w.Select((x, p) => x * g[l][p])).ToArray();
        int k = (int)Math.Round(0.4 * scores.Length, MidpointRounding.ToEven);
        double threshold = scores.OrderDescending().ElementAt(k - 1);
        var kept = masks.Masks.SelectMany(m => m.Data.ToArray()).ToArray();
        for (int p = 0; p < scores.Length; p++)
            Assert.Equal(scores[p] >= threshold, kept[p] == 1);
    }
}
