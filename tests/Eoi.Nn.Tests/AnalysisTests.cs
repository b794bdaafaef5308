using Eoi.Backends;
using Eoi.Core;
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
    public void TheEigenSolverFindsTheEigenvaluesOfAKnownMatrix()
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

    /// <summary>Both solvers are backward stable: each returns the exact eigenvalues of a matrix within
    /// c n eps ||A||_F of the input, and by Weyl's inequality each eigenvalue then moves by at most that much.
    /// c = 16 covers the constants of both (Householder + QR: about 4-8; Jacobi with a few sweeps: about 2-4)
    /// with room to spare; a wrong eigenvalue would be off by O(||A||), 10^12 times more.</summary>
    static double SolverAgreement(double[] a, int n) => 16 * n * Math.Pow(2, -52) * Math.Sqrt(a.Sum(v => v * v));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(17, 4)]
    [InlineData(64, 5)]
    [InlineData(128, 6)]
    public void TridiagonalQrAgreesWithJacobiOnRandomSymmetricMatrices(int n, ulong seed)
    {
        var random = new Random.RandomStream(Random.RngKey.FromSeed(seed));
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                a[i * n + j] = a[j * n + i] = 2 * random.NextDouble() - 1;
        AssertSolversAgree(a, n);
    }

    [Fact]
    public void TridiagonalQrAgreesWithJacobiOnGramMatricesOfLayers()
    {
        // An EOI layer's Gram matrix is g^2 I (one eigenvalue, 128 times); a trained layer's is spread out.
        var eoi = EoiInit.Initialize(LayerSpec.Linear("w", 128, 128), 0.125, Random.RngKey.FromSeed(7), 1.0247).Values.Data.ToArray();
        var random = new Random.RandomStream(Random.RngKey.FromSeed(8));
        var spread = eoi.Select(w => w == 0 ? 0 : w + 0.1 * random.NextDouble()).ToArray();
        foreach (var w in new[] { eoi, spread })
        {
            var gram = new double[128 * 128];
            for (int i = 0; i < 128; i++)
                for (int j = 0; j < 128; j++)
                    for (int k = 0; k < 128; k++)
                        gram[i * 128 + j] += w[i * 128 + k] * w[j * 128 + k];
            AssertSolversAgree(gram, 128);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.5)]
    public void RepeatedAndZeroEigenvaluesNeedNoIteration(double value)
    {
        var a = new double[50 * 50];
        for (int i = 0; i < 50; i++) a[i * 50 + i] = value;
        Assert.All(SymmetricEigen.Eigenvalues(a, 50), v => Assert.Equal(value, v));
    }

    [Fact]
    public void NonFiniteMatricesFailWithAClearError()
    {
        var a = new double[] { 1, double.NaN, double.NaN, 2 };
        Assert.Contains("did not converge", Assert.Throws<Core.EoiException>(() => SymmetricEigen.Eigenvalues(a, 2)).Message);
    }

    static void AssertSolversAgree(double[] a, int n)
    {
        var fast = SymmetricEigen.Eigenvalues(a, n);
        var reference = JacobiEigenvalues.Of(a, n);
        double tolerance = SolverAgreement(a, n);
        for (int i = 0; i < n; i++)
            Assert.True(Math.Abs(fast[i] - reference[i]) <= tolerance, $"eigenvalue {i}: {fast[i]:R} vs Jacobi {reference[i]:R} (tolerance {tolerance:R})");
    }

    [Fact]
    public void LayerSpectraOfAWholeNetworkEqualEachLayersOwnInBits()
    {
        var spec = ModelSpec.Mlp7(Activation.Tanh) with { SparseLinearLayers = true };
        using var model = ModelFactory.Build(Cpu, spec);
        NetworkInitializer.Initialize(model, spec, new InitializationPlan { Density = 0.1 }, seed: 2);
        var all = LayerSpectrum.OfAll(model);
        var layers = model.WeightLayers();
        Assert.Equal(layers.Count, all.Count);
        for (int l = 0; l < layers.Count; l++)
        {
            Assert.Equal(layers[l].Path, all[l].Layer);
            Assert.Equal(SingularValues.Of(layers[l].Layer.ReadWeight(), layers[l].Spec.Out, layers[l].Spec.FanIn), all[l].Values);
        }
    }

    [Fact]
    public void LayerSpectraHaveTheSameBitsOnOneThreadAndOnTwo()
    {
        var spec = ModelSpec.Mlp7(Activation.Tanh) with { SparseLinearLayers = true };
        using var model = ModelFactory.Build(Cpu, spec);
        NetworkInitializer.Initialize(model, spec, new InitializationPlan { Density = 0.1 }, seed: 3);
        var one = TestSupport.LimitedThreads.Run(1, () => LayerSpectrum.OfAll(model));
        var two = TestSupport.LimitedThreads.Run(2, () => LayerSpectrum.OfAll(model));
        Assert.Equal(one.Select(s => s.Values.Select(BitConverter.DoubleToInt64Bits)), two.Select(s => s.Values.Select(BitConverter.DoubleToInt64Bits)));
    }

    [Theory]
    [InlineData(12, 20)]
    [InlineData(20, 12)]
    public void SparseAndDenseSingularValuesAgreeInBits(int rows, int cols)
    {
        var dense = Uniform(6, rows * cols);
        var mask = Mask(7, rows * cols, 0.3);
        var offsets = new int[rows + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (mask[r * cols + c] == 0) { dense[r * cols + c] = 0; continue; }
                columns.Add(c);
                values.Add(dense[r * cols + c]);
            }
            offsets[r + 1] = columns.Count;
        }
        values[0] = 0; // an explicit zero on the pattern changes no sum
        dense[Array.IndexOf(mask, 1.0)] = 0;
        var sparse = new Core.CsrMatrix(new Core.SparsityPattern(rows, cols, offsets, [.. columns]), [.. values]);
        Assert.Equal(SingularValues.Of(dense, rows, cols).Select(BitConverter.DoubleToInt64Bits), SingularValues.Of(sparse).Select(BitConverter.DoubleToInt64Bits));
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
        var values = InputOutputJacobian.SingularValuesOf(model, batch.Inputs, batch.Shape);
        Assert.Equal(16 * 10, values.Length);
        Assert.All(values, s => Assert.Equal(1.0, s, 1e-10));
        var stats = SpectrumStats.Of(values);
        Assert.Equal(0, stats.Variance, 1e-18);
        Assert.All(LayerSpectrum.OfAll(model), layer => Assert.All(layer.Values, s => Assert.Equal(1.0, s, 1e-12)));
    }
}
