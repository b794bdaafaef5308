using Eoi.Core.Backend;
using Eoi.Data;
using Eoi.Nn.Analysis;
using Eoi.Nn.Models;
using Eoi.Nn.Setup;
using Eoi.Sparsity;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>The eigen solver and what EOI promises: every layer's singular values are sigma_w, so a linear
/// network's input-output Jacobian is an exact isometry.</summary>
public class AnalysisTests
{
    [Fact]
    public void JacobiFindsTheEigenvaluesOfAKnownMatrix()
    {
        // Q diag(5, 2, -1, 0.5) Q^T for a Householder Q = I - 2 v v^T / (v^T v).
        double[] v = [1, 2, -1, 0.5], lambda = [5, 2, -1, 0.5];
        double vv = v.Sum(x => x * x);
        var q = new double[16];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                q[i * 4 + j] = (i == j ? 1 : 0) - 2 * v[i] * v[j] / vv;
        var a = new double[16];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                for (int k = 0; k < 4; k++)
                    a[i * 4 + j] += q[i * 4 + k] * lambda[k] * q[j * 4 + k];
        var values = SymmetricEigen.Eigenvalues(a, 4);
        Assert.Equal([5, 2, 0.5, -1], values.Select(x => Math.Round(x, 12)));
    }

    [Theory]
    [InlineData(100, 784, 0.1, 1.0)]
    [InlineData(784, 100, 0.05, 1.0247)]
    [InlineData(100, 100, 0.2, 2.0)]
    public void EoiLayerSingularValuesAllEqualTheGain(int rows, int cols, double density, double gain)
    {
        var init = EoiInit.Initialize(LayerSpec.Linear("w", rows, cols), density, Random.RngKey.FromSeed(3), gain);
        var values = SingularValues.Of(init.Values.Data, rows, cols);
        Assert.Equal(Math.Min(rows, cols), values.Length);
        Assert.All(values, s => Assert.Equal(gain, s, 1e-12));
    }

    [Fact]
    public void LinearEoiMlpHasAnIsometricJacobian()
    {
        var spec = ModelSpec.Mlp7(Activation.Identity) with { SparseLinearLayers = true, ElementType = ElementType.Float64 };
        using var model = ModelFactory.Build(Cpu, spec);
        NetworkInitializer.Initialize(model, spec, new InitializationPlan { Density = 0.1 }, seed: 1);
        var data = SmallMnist().Test;
        var batch = MiniBatches.InOrder(data, 16, [.. Enumerable.Range(0, 16)]).First();
        var values = InputOutputJacobian.SingularValuesOf(model, batch.Inputs, new Autograd.Shape(batch.Shape));
        Assert.Equal(16 * 10, values.Length);
        Assert.All(values, s => Assert.Equal(1.0, s, 1e-10));
        var stats = SpectrumStats.Of(values);
        Assert.Equal(0, stats.Variance, 1e-18);
        Assert.All(LayerSpectrum.OfAll(model), layer => Assert.All(layer.Values, s => Assert.Equal(1.0, s, 1e-12)));
    }
}
