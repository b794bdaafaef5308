using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Functional;
using Eoi.Nn.Models;
using Eoi.Nn.Modules;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>The CSR layer and the masked dense layer are the same function with the same gradients, and stay the
/// same through optimiser steps (the dense one by re-applying its mask, the sparse one by construction); so are
/// the sparse (feature-major) MLP and the masked dense one.</summary>
public class SparseLinearModuleTests
{
    /// <summary>float64: both paths sum at most 40 products of values below 1 in different orders (through a few
    /// layers for the MLP), a few ulps of 40 (~1e-14); 1e-12 leaves room and catches any misplaced entry.</summary>
    const double Tolerance = 1e-12;

    [Fact]
    public void AssigningCsrEqualsAssigningTheDenseWeightAndMask()
    {
        var weight = Uniform(4, 1200);
        var mask = Mask(5, 1200, 0.2);
        weight[Array.IndexOf(mask, 1.0)] = 0; // an explicit zero on the pattern stays a position
        using var fromDense = new SparseLinear(Cpu, 40, 30, elementType: ElementType.Float64);
        using var fromCsr = new SparseLinear(Cpu, 40, 30, elementType: ElementType.Float64);
        using var masked = new Linear(Cpu, 40, 30, elementType: ElementType.Float64);
        fromDense.Assign(weight, mask);
        var csr = fromDense.ReadSparseWeight()!;
        fromCsr.Assign(csr);
        masked.Assign(csr);
        Assert.Equal(csr.Pattern.ColumnIndices, fromCsr.Pattern.ColumnIndices);
        Assert.Equal(csr.Values, fromCsr.ReadSparseWeight()!.Values);
        Assert.Equal(fromDense.ReadWeight(), masked.ReadWeight());
        Assert.Equal(fromDense.ReadMask(), masked.ReadMask());
        Assert.Equal(mask.LongCount(m => m == 1), fromCsr.NonZeroWeights);
        Assert.Null(masked.ReadSparseWeight());
        var wrong = new CsrMatrix(new SparsityPattern(40, 30, new int[41], []), []);
        Assert.Contains("weight must be 30 x 40", Assert.Throws<EoiArgumentException>(() => fromCsr.Assign(wrong)).Message);
    }

    [Fact]
    public void MatchesMaskedDenseLinearThroughTrainingSteps()
    {
        using var dense = new Linear(Cpu, 40, 30, elementType: ElementType.Float64);
        using var sparse = new SparseLinear(Cpu, 40, 30, elementType: ElementType.Float64);
        var weight = Uniform(1, 1200);
        var mask = Mask(2, 1200, 0.2);
        var bias = Uniform(3, 30);
        foreach (var layer in new WeightLayer[] { dense, sparse })
        {
            layer.Assign(weight, mask);
            layer.Bias!.Assign(bias);
        }
        Assert.Equal(dense.ReadMask(), sparse.ReadMask());
        Assert.Equal(dense.ReadWeight(), sparse.ReadWeight());

        using var denseSgd = new Sgd(dense.Parameters().Select(p => p.Parameter), new SgdHyperparameters(0.1, 0.9, 1e-3, true));
        using var sparseSgd = new Sgd(sparse.Parameters().Select(p => p.Parameter), new SgdHyperparameters(0.1, 0.9, 1e-3, true));
        for (int step = 0; step < 3; step++)
        {
            var input = Uniform(10 + step, 8 * 40);
            var (yDense, dxDense) = ForwardBackward(dense, input, [8, 40]);
            var (ySparse, dxSparse) = ForwardBackward(sparse, input, [8, 40]);
            AssertClose(yDense, ySparse);
            AssertClose(dxDense, dxSparse);
            AssertClose(dense.ReadWeightGradient()!, sparse.ReadWeightGradient()!);
            denseSgd.Step();
            sparseSgd.Step();
            denseSgd.ZeroGrad();
            sparseSgd.ZeroGrad();
            AssertClose(dense.ReadWeight(), sparse.ReadWeight());
        }
        var after = dense.ReadWeight();
        for (int i = 0; i < mask.Length; i++)
            if (mask[i] == 0) Assert.Equal(0.0, after[i]);
    }

    /// <summary>A sparse MLP runs feature-major between two transposes; from outside it is the masked dense MLP,
    /// with the same parameter names (checkpoints and analyses address layers by them).</summary>
    [Fact]
    public void SparseMlpMatchesTheMaskedDenseMlpInValuesAndGradients()
    {
        var spec = new ModelSpec(ModelKind.Mlp, 4, 9, Activation.Tanh, [12], Classes: 5, ElementType: ElementType.Float64);
        using var dense = ModelFactory.Build(Cpu, spec);
        using var sparse = ModelFactory.Build(Cpu, spec with { SparseLinearLayers = true });
        Assert.Equal(dense.Parameters().Select(p => p.Name), sparse.Parameters().Select(p => p.Name));
        var denseLayers = dense.WeightLayers();
        var sparseLayers = sparse.WeightLayers();
        Assert.All(sparseLayers, l => Assert.True(((SparseLinear)l.Layer).FeatureMajor));
        for (int i = 0; i < denseLayers.Count; i++)
        {
            Randomize(denseLayers[i].Layer, 20 + i, density: 0.4);
            sparseLayers[i].Layer.Assign(denseLayers[i].Layer.ReadWeight(), denseLayers[i].Layer.ReadMask());
            sparseLayers[i].Layer.Bias!.Assign(HostTensors.Read(denseLayers[i].Layer.Bias!.Value));
        }

        var input = Uniform(3, 6 * 12);
        var (yDense, dxDense) = ForwardBackward(dense, input, [6, 12]);
        var (ySparse, dxSparse) = ForwardBackward(sparse, input, [6, 12]);
        AssertClose(yDense, ySparse);
        AssertClose(dxDense, dxSparse);
        for (int i = 0; i < denseLayers.Count; i++)
        {
            AssertClose(denseLayers[i].Layer.ReadWeightGradient()!, sparseLayers[i].Layer.ReadWeightGradient()!);
            AssertClose(HostTensors.Read(denseLayers[i].Layer.Bias!.Value.Grad!), HostTensors.Read(sparseLayers[i].Layer.Bias!.Value.Grad!));
        }
    }

    [Fact]
    public void SparseMlpChildrenAreTheLayersBetweenTwoTransposes()
    {
        using var sparse = ModelFactory.Build(Cpu, new ModelSpec(ModelKind.Mlp, 3, 4, Activation.Tanh, [5], SparseLinearLayers: true));
        Assert.Equal(["to_features_first", "0", "1", "2", "3", "4", "to_batch_first"], sparse.Children.Select(c => c.Name));
    }

    [Theory]
    [InlineData("a", "a")]
    [InlineData("a", "")]
    [InlineData("a", "b.c")]
    public void SequentialNamesMustBeUniqueNonEmptyAndWithoutDots(string first, string second)
    {
        var error = Assert.Throws<EoiArgumentException>(() => new Sequential([(first, (Module)new Flatten()), (second, new Flatten())]));
        Assert.Equal("children", error.ParameterName);
        Assert.Contains("unique", error.Message, StringComparison.Ordinal);
    }

    static (double[] Y, double[] Dx) ForwardBackward(Module layer, double[] input, Shape shape)
    {
        using var scope = TensorScope.Begin();
        var x = HostTensors.Upload(Cpu, ElementType.Float64, shape, input, requiresGrad: true);
        var y = layer.Forward(x);
        y.Tanh().Sum().Backward();
        return (HostTensors.Read(y), HostTensors.Read(x.Grad!));
    }

    static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"index {i}: {expected[i]:R} vs {actual[i]:R}");
    }
}
