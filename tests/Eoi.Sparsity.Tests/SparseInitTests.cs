using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;
using Eoi.Sparsity.Tests.Support;
using Eoi.TestSupport;

namespace Eoi.Sparsity.Tests;

public class SparseInitTests
{
    static readonly RngKey Key = RngKey.FromSeed(21);

    [Fact]
    public void BaseIsTheMaskAppliedToTheDenseInit()
    {
        var layers = Networks.SmallCnn();
        var dense = SparseInit.BuildDense(layers, Key);
        var masks = new ErkMask().Select(layers, dense.Select(d => d.Values).ToArray(), 0.2, Key.Split(1));
        var built = SparseInit.Build(layers, new ErkMask(), InitScheme.Base, 0.2, Key);
        for (int l = 0; l < layers.Length; l++)
        {
            Assert.Equal(masks.Masks[l].Data, built[l].Mask.Data);
            Assert.Equal(Masks.Apply(dense[l].Values, masks.Masks[l]).Data, built[l].Values.Data);
        }
    }

    [Fact]
    public void EoiKeepsEveryLayersDensityAndDiscardsThePositions()
    {
        var model = new TinyMlp([20, 16, 16, 10]);
        var layers = model.Layers;
        var method = MaskMethods.Create(MaskMethodKind.Snip, model);
        var baseInit = SparseInit.Build(layers, method, InitScheme.Base, 0.3, Key);
        var eoi = SparseInit.Build(layers, method, InitScheme.Eoi, 0.3, Key);
        for (int l = 0; l < layers.Count; l++)
        {
            var layer = layers[l];
            double tolerance = 1.0 / Math.Max(layer.Out, layer.In);
            Assert.InRange(eoi[l].Density, Math.Max(baseInit[l].Density, EoiInit.MinimumDensity(layer)) - tolerance, baseInit[l].Density + tolerance);
            Assert.True(Orthogonality.Error(eoi[l].Values.Data, layer.Out, layer.In) < 1e-12);
        }
        Assert.NotEqual(baseInit[1].Mask.Data.ToArray(), eoi[1].Mask.Data.ToArray());
    }

    [Fact]
    public void EoiConvLayersGetTheMaskCountOfTheirMaskDensity()
    {
        var layers = Networks.SmallCnn();
        var options = new SparseInitOptions { CentreRule = CentreDensityRule.MoreNonZeros };
        var baseInit = SparseInit.Build(layers, new UniformMask(), InitScheme.Base, 0.3, Key, options);
        var eoi = SparseInit.Build(layers, new UniformMask(), InitScheme.Eoi, 0.3, Key, options);
        for (int l = 0; l < 3; l++)
            Assert.Equal(baseInit[l].MaskCount, eoi[l].MaskCount);
    }

    [Fact]
    public void ApproximateIsometryKeepsTheMaskAndLowersTheLoss()
    {
        var layers = Networks.SmallCnn();
        var options = new SparseInitOptions { ApproximateIsometry = new ApproximateIsometryOptions { Iterations = 50 } };
        var baseInit = SparseInit.Build(layers, new UniformMask(), InitScheme.Base, 0.3, Key, options);
        var ai = SparseInit.Build(layers, new UniformMask(), InitScheme.ApproximateIsometry, 0.3, Key, options);
        for (int l = 0; l < layers.Length; l++)
            Assert.Equal(baseInit[l].Mask.Data, ai[l].Mask.Data);
        Assert.True(ai.Sum(l => ApproximateIsometry.Loss(l, 1.0)) < baseInit.Sum(l => ApproximateIsometry.Loss(l, 1.0)));
    }

    [Fact]
    public void BiasesAreZeroByDefaultAndNormalWithTheThousandLayerScale()
    {
        LayerSpec[] layers = [LayerSpec.Linear("wide", 4000, 20), LayerSpec.Linear("none", 5, 4000, hasBias: false)];
        var standard = SparseInit.BuildDense(layers, Key);
        Assert.All(standard[0].Bias!.Data.ToArray(), b => Assert.Equal(0.0, b));
        Assert.Null(standard[1].Bias);

        var deep = SparseInit.Build(layers, new UniformMask(), InitScheme.Eoi, 0.5, Key, new SparseInitOptions { Scale = InitScale.ThousandLayer });
        var bias = deep[0].Bias!.Data.ToArray();
        double std = Math.Sqrt(bias.Sum(b => b * b) / bias.Length);
        Assert.InRange(std, 0.00448 * (1 - 5 / Math.Sqrt(2.0 * bias.Length)), 0.00448 * (1 + 5 / Math.Sqrt(2.0 * bias.Length)));
        Assert.True(Orthogonality.Error(deep[0].Values.Data, 4000, 20, InitScale.ThousandLayerWeightGain) < 1e-12);
    }

    [Fact]
    public void EveryCombinationIsAPureFunctionOfTheKey()
    {
        var layers = Networks.SmallCnn();
        var options = new SparseInitOptions { ApproximateIsometry = new ApproximateIsometryOptions { Iterations = 3 } };
        foreach (var scheme in Enum.GetValues<InitScheme>())
        {
            var a = SparseInit.Build(layers, new ErkMask(), scheme, 0.25, Key, options);
            var b = SparseInit.Build(layers, new ErkMask(), scheme, 0.25, Key, options);
            var c = SparseInit.Build(layers, new ErkMask(), scheme, 0.25, RngKey.FromSeed(22), options);
            Assert.All(Enumerable.Range(0, layers.Length), l => Assert.Equal(a[l].Values.Data, b[l].Values.Data));
            Assert.NotEqual(a[1].Values.Data.ToArray(), c[1].Values.Data.ToArray());
        }
    }

    [Fact]
    public void SparseScaledKaimingRescalesTheMaskedKaimingInit()
    {
        var layers = Networks.SmallCnn();
        var options = new SparseInitOptions { DenseInit = DenseInitKind.SparseScaledKaiming };
        var dense = SparseInit.BuildDense(layers, Key, options);
        var built = SparseInit.Build(layers, new UniformMask(), InitScheme.Base, 0.3, Key, options);
        for (int l = 0; l < layers.Length; l++)
            Assert.Equal(SparseScaledKaiming.Rescale(dense[l], built[l].Mask).Values.Data, built[l].Values.Data);
    }

    [Fact]
    public void SaoNetworksAreSparseOnlyOnSquareLayers()
    {
        LayerSpec[] layers = [LayerSpec.Linear("first", 32, 50), LayerSpec.Linear("hidden", 32, 32), LayerSpec.Linear("last", 10, 32)];
        var sao = SparseInit.BuildSao(layers, 4, Key, new SparseInitOptions { Scale = InitScale.ThousandLayer });
        Assert.Equal([1.0, 0.125, 1.0], sao.Select(l => l.Density).ToArray());
        Assert.All(sao, l => Assert.NotNull(l.Bias));
    }

    /// <summary>A deep thin network, enough layers for a parallel loop to spread them over both threads.</summary>
    static LayerSpec[] DeepMlp() =>
        [LayerSpec.Linear("first", 32, 50), .. Enumerable.Range(0, 40).Select(l => LayerSpec.Linear($"hidden{l}", 32, 32)), LayerSpec.Linear("last", 10, 32)];

    static long[] Bits(double[] values) => Array.ConvertAll(values, BitConverter.DoubleToInt64Bits);

    [Theory]
    [InlineData(MaskMethodKind.Uniform)]
    [InlineData(MaskMethodKind.Erk)]
    public void EoiNetworksHaveTheSameBitsOnOneThreadAndOnTwo(MaskMethodKind mask)
    {
        var layers = DeepMlp();
        var options = new SparseInitOptions { Scale = InitScale.ThousandLayer };
        var one = LimitedThreads.Run(1, () => SparseInit.Build(layers, MaskMethods.Create(mask), InitScheme.Eoi, 0.2, Key, options));
        var two = LimitedThreads.Run(2, () => SparseInit.Build(layers, MaskMethods.Create(mask), InitScheme.Eoi, 0.2, Key, options));
        for (int l = 0; l < layers.Length; l++)
        {
            Assert.Equal(one[l].Sparse!.Pattern.RowOffsets.ToArray(), two[l].Sparse!.Pattern.RowOffsets.ToArray());
            Assert.Equal(one[l].Sparse!.Pattern.ColumnIndices.ToArray(), two[l].Sparse!.Pattern.ColumnIndices.ToArray());
            Assert.Equal(Bits(one[l].Sparse!.Values.ToArray()), Bits(two[l].Sparse!.Values.ToArray()));
            Assert.Equal(Bits(one[l].Bias!.Data.ToArray()), Bits(two[l].Bias!.Data.ToArray()));
        }
    }

    [Fact]
    public void EoiLayersAreTheMatricesDrawnFromEachLayersOwnKey()
    {
        var layers = DeepMlp();
        var built = SparseInit.Build(layers, new UniformMask(), InitScheme.Eoi, 0.2, Key);
        var masks = new UniformMask().Select(layers, null, 0.2, Key.Split(1));
        for (int l = 0; l < layers.Length; l++)
        {
            var expected = SparseOrthogonal.Generate(layers[l].Out, layers[l].In, Math.Max(masks.Density(l), EoiInit.MinimumDensity(layers[l])), Key.Split(2).Split((ulong)l));
            Assert.Equal(Bits(expected.ToDense().Data.ToArray()), Bits(built[l].Values.Data.ToArray()));
            Assert.Equal(expected.MaskToDense().Data, built[l].Mask.Data);
        }
    }
}
