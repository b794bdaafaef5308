using Eoi.Core;
using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class ArgumentTests
{
    static readonly RngKey Key = RngKey.FromSeed(1);
    static readonly LayerSpec[] Layers = Networks.SmallCnn();

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void MaskMethodsRejectDensitiesOutsideZeroToOne(double d)
    {
        foreach (var kind in new[] { MaskMethodKind.Uniform, MaskMethodKind.Erk, MaskMethodKind.UniformSkipFirstLast })
            Rejections.AssertRejected(() => MaskMethods.Create(kind).Select(Layers, null, d, Key), "density", "(0, 1]");
        Rejections.AssertRejected(() => SparseInit.Build(Layers, new UniformMask(), InitScheme.Base, d, Key), "density", "(0, 1]");
    }

    [Fact]
    public void EoiRejectsDensitiesOutsideTheUnitInterval()
    {
        Rejections.AssertRejected(() => EoiInit.Initialize(Layers[3], 1.01, Key, 1.0), "density", "[0, 1]");
        Rejections.AssertRejected(() => EoiInit.Initialize(Layers[3], -0.01, Key, 1.0), "density", "[0, 1]");
    }

    [Fact]
    public void DataDrivenMethodsNeedAModelWeightsAndMatchingShapes()
    {
        Rejections.AssertRejected(() => MaskMethods.Create(MaskMethodKind.Snip), "model", "Snip");
        var model = new TinyMlp([4, 3, 2]);
        var snip = MaskMethods.Create(MaskMethodKind.Snip, model);
        Rejections.AssertRejected(() => snip.Select(model.Layers, null, 0.5, Key), "weights", "Snip");
        var wrong = new[] { new NdArray([3, 4], ElementType.Float64, new double[12]), new NdArray([3, 2], ElementType.Float64, new double[6]) };
        Rejections.AssertRejected(() => snip.Select(model.Layers, wrong, 0.5, Key), "weights", "shape");
        Rejections.AssertRejected(() => snip.Select(Layers, null, 0.5, Key), "model", "match");
    }

    [Fact]
    public void OptionsAreChecked()
    {
        Rejections.AssertRejected(() => MaskMethods.Create(MaskMethodKind.Uniform, null, new MaskMethodOptions { SynFlowIterations = 0 }), "synflow iterations", "[1, ");
        Rejections.AssertRejected(() => MaskMethods.Create(MaskMethodKind.Uniform, null, new MaskMethodOptions { GraspRelativeStep = 0 }), "grasp relative step", "(0, 1]");
        var badAi = new SparseInitOptions { ApproximateIsometry = new ApproximateIsometryOptions { Iterations = -1 } };
        Rejections.AssertRejected(() => SparseInit.BuildDense(Layers, Key, badAi), "iterations", "[0, ");
        var badLr = new ApproximateIsometryOptions { LearningRate = 0 };
        Rejections.AssertRejected(() => ApproximateIsometry.Run([], 1.0, badLr), "learning rate", "> 0");
        Rejections.AssertRejected(() => SparseInit.BuildDense(Layers, Key, new SparseInitOptions { DenseInit = (DenseInitKind)9 }), "dense init", "Orthogonal");
        Rejections.AssertRejected(() => SparseInit.BuildDense(Layers, Key, new SparseInitOptions { KaimingGain = -1 }), "kaiming gain", "> 0");
        Rejections.AssertRejected(() => SparseInit.BuildDense(Layers, Key, new SparseInitOptions { Scale = default }), "scale", "weight gain");
    }

    [Fact]
    public void ScalesAndGainsAreChecked()
    {
        Rejections.AssertRejected(() => new InitScale(0.0, 0.0), "weight gain", "> 0");
        Rejections.AssertRejected(() => new InitScale(1.0, -0.1), "bias std", "[0, ");
        Rejections.AssertRejected(() => DenseOrthogonal.Initialize(Layers[3], Key, double.NaN), "gain", "> 0");
        Rejections.AssertRejected(() => Kaiming.Initialize(Layers[3], Key, 0.0), "gain", "> 0");
        Rejections.AssertRejected(() => ConvOrthogonal.Initialize(Layers[3], Key, 1.0), "layer", "Conv");
        Rejections.AssertRejected(() => EoiInit.Initialize(LayerSpec.Conv("c", 4, 4, 2, 2), 0.5, Key, 1.0), "kernel", "odd");
        Rejections.AssertRejected(() => SparseInit.Build([], new UniformMask(), InitScheme.Base, 0.5, Key), "layers", "at least one");
        Rejections.AssertRejected(() => SparseInit.Build(Layers, new UniformMask(), (InitScheme)7, 0.5, Key), "scheme", "Eoi");
    }

    [Fact]
    public void SaoRejectsBadDegreesOnSquareLayersOnly()
    {
        Rejections.AssertRejected(() => SparseInit.BuildSao([LayerSpec.Linear("h", 30, 30)], 16, Key), "degree", "30");
        Assert.Equal(1.0, Sao.Initialize(LayerSpec.Linear("last", 10, 30), 16, Key, 1.0).Density);
        Rejections.AssertRejected(() => Sao.Initialize(LayerSpec.Linear("last", 10, 30), 1, Key, 1.0), "degree", "[2, ");
    }
}
