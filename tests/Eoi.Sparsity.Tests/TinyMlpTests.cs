using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

/// <summary>The hand-written test network's gradients agree with finite differences, so the mask-method tests
/// built on it test the methods, not the harness.</summary>
public class TinyMlpTests
{
    static double[][] RandomWeights(TinyMlp model, ulong seed) =>
        model.Layers.Select((l, i) => DenseOrthogonal.Matrix(l.Out, l.In, RngKey.FromSeed(seed).Split((ulong)i), 1.0)).ToArray();

    [Fact]
    public void LossGradientsMatchCentralDifferences()
    {
        var model = new TinyMlp([5, 4, 3]);
        var w = RandomWeights(model, 1);
        var g = model.LossGradients(w);
        const double h = 1e-6;
        for (int l = 0; l < w.Length; l++)
            for (int p = 0; p < w[l].Length; p++)
            {
                double saved = w[l][p];
                w[l][p] = saved + h; double up = model.Loss(w);
                w[l][p] = saved - h; double down = model.Loss(w);
                w[l][p] = saved;
                Assert.Equal((up - down) / (2 * h), g[l][p], 1e-8);
            }
    }

    [Fact]
    public void SynFlowGradientsMatchCentralDifferencesOfTheObjective()
    {
        var model = new TinyMlp([4, 3, 2]);
        var w = RandomWeights(model, 2).Select(a => a.Select(Math.Abs).ToArray()).ToArray();
        var g = model.SynFlowGradients(w);
        const double h = 1e-6;
        for (int l = 0; l < w.Length; l++)
            for (int p = 0; p < w[l].Length; p++)
            {
                double saved = w[l][p];
                w[l][p] = saved + h; double up = model.SynFlowObjective(w);
                w[l][p] = saved - h; double down = model.SynFlowObjective(w);
                w[l][p] = saved;
                Assert.Equal((up - down) / (2 * h), g[l][p], 1e-8);
            }
    }
}
