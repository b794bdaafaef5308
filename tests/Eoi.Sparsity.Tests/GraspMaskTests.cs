using Eoi.Core;
using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class GraspMaskTests
{
    static readonly LayerSpec[] TwoLayers = [LayerSpec.Linear("a", 2, 2), LayerSpec.Linear("b", 1, 2)];

    [Fact]
    public void FiniteDifferenceHessianGradientIsExactForAQuadratic()
    {
        double[] a = [1, 2, 1, 0.5, 1, 1], b = [0, 0, 0, 0, 0, 3];
        double[][] w = [[1.2, -2, 0.5, 3], [1, 1]];
        var hg = GraspMask.HessianGradient(new QuadraticModel(TwoLayers, a, b), TwoLayers, w, MaskMethodOptions.DefaultGraspRelativeStep);
        // g = a w - b = [1.2, -4, 0.5, 1.5 | 1, -2]; H g = a ⊙ g.
        double[] expected = [1.2, -8, 0.5, 0.75, 1, -2];
        var flat = hg.SelectMany(x => x).ToArray();
        for (int p = 0; p < expected.Length; p++)
            Assert.Equal(expected[p], flat[p], 1e-8);
    }

    [Fact]
    public void RemovesTheLargestScoresMinusWTimesHg()
    {
        // -w ⊙ Hg = [-1.44, -16, -0.25, -2.25 | -1, 2]: keeping k = 3 removes the three largest (2, -0.25, -1).
        var model = new QuadraticModel(TwoLayers, [1, 2, 1, 0.5, 1, 1], [0, 0, 0, 0, 0, 3]);
        NdArray[] weights = [new([2, 2], ElementType.Float64, [1.2, -2, 0.5, 3]), new([1, 2], ElementType.Float64, [1.0, 1])];
        var masks = new GraspMask(model).Select(TwoLayers, weights, 0.5, RngKey.FromSeed(1));
        Assert.Equal([1.0, 1, 0, 1], masks.Masks[0].Data);
        Assert.Equal([0.0, 0], masks.Masks[1].Data);
    }

    [Fact]
    public void OnTheTinyMlpHitsTheGlobalCountAndIsDeterministic()
    {
        var model = new TinyMlp([6, 5, 4, 3]);
        var weights = SparseInit.BuildDense(model.Layers, RngKey.FromSeed(2)).Select(l => l.Values).ToArray();
        var method = MaskMethods.Create(MaskMethodKind.Grasp, model);
        var first = method.Select(model.Layers, weights, 0.25, RngKey.FromSeed(6));
        var second = method.Select(model.Layers, weights, 0.25, RngKey.FromSeed(6));
        long total = model.Layers.Sum(l => l.Count);
        Assert.Equal((long)Math.Round(0.25 * total, MidpointRounding.ToEven), first.TotalNonZeros);
        Assert.All(Enumerable.Range(0, model.Layers.Count), l => Assert.Equal(first.Masks[l].Data, second.Masks[l].Data));
    }
}
