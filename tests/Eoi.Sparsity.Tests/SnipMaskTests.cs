using Eoi.Core;
using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class SnipMaskTests
{
    static readonly LayerSpec[] TwoLayers = [LayerSpec.Linear("a", 2, 2), LayerSpec.Linear("b", 1, 2)];

    static NdArray[] Weights(double[] flat) =>
    [
        new NdArray([2, 2], ElementType.Float64, flat[..4]),
        new NdArray([1, 2], ElementType.Float64, flat[4..]),
    ];

    [Fact]
    public void KeepsTheLargestAbsoluteGradientTimesWeightGlobally()
    {
        // g = w - b = [1, -2, 0.5, 3 | 1, -2]; |g w| = [1, 4, 0.25, 9 | 1, 2]; k = 3 keeps 9, 4 and 2.
        double[] w = [1, -2, 0.5, 3, 1, 1];
        var model = new QuadraticModel(TwoLayers, [1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 3]);
        var masks = new SnipMask(model).Select(TwoLayers, Weights(w), 0.5, RngKey.FromSeed(1));
        Assert.Equal([0.0, 1, 0, 1], masks.Masks[0].Data);
        Assert.Equal([0.0, 1], masks.Masks[1].Data);
    }

    [Fact]
    public void OnTheTinyMlpKeepsExactlyTheTopScoresAndIsDeterministic()
    {
        var model = new TinyMlp([6, 5, 4, 3]);
        var weights = SparseInit.BuildDense(model.Layers, RngKey.FromSeed(2)).Select(l => l.Values).ToArray();
        var method = MaskMethods.Create(MaskMethodKind.Snip, model);
        var masks = method.Select(model.Layers, weights, 0.3, RngKey.FromSeed(3));
        var g = model.LossGradients(Networks.Data(weights));
        var scores = weights.SelectMany((w, l) => w.Data.ToArray().Select((x, p) => Math.Abs(x * g[l][p]))).ToArray();
        int k = (int)Math.Round(0.3 * scores.Length, MidpointRounding.ToEven);
        double threshold = scores.OrderDescending().ElementAt(k - 1);
        var kept = masks.Masks.SelectMany(m => m.Data.ToArray()).ToArray();
        Assert.Equal(k, kept.Count(x => x == 1));
        for (int p = 0; p < scores.Length; p++)
            Assert.Equal(scores[p] >= threshold, kept[p] == 1);
        var again = method.Select(model.Layers, weights, 0.3, RngKey.FromSeed(3));
        Assert.Equal(kept, again.Masks.SelectMany(m => m.Data.ToArray()).ToArray());
    }
}
