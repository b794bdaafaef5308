using Eoi.Autograd;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Functional;
using Eoi.Nn.Models;
using Eoi.Orthogonal;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>The paper's networks: their sizes, weight layers and output shapes.</summary>
public class ModelTests
{
    [Fact]
    public void Mlp7HasThePapersWeights()
    {
        using var model = ModelFactory.Build(Cpu, ModelSpec.Mlp7(Activation.Tanh));
        var layers = model.WeightLayers();
        Assert.Equal(7, layers.Count);
        Assert.Equal(784 * 100 + 5 * 100 * 100 + 100 * 10, layers.Sum(l => l.Spec.Count));
        Assert.Equal(784 * 100 + 5 * 100 * 100 + 100 * 10 + 6 * 100 + 10, model.ParameterCount());
    }

    [Fact]
    public void ResNet32HasAbout046MillionParameters()
    {
        using var model = ModelFactory.Build(Cpu, new ModelSpec(ModelKind.ResNet, 32, 16, Activation.Relu, [3, 32, 32]));
        // 31 3 x 3 convs, 2 projection convs and the classifier.
        Assert.Equal(34, model.WeightLayers().Count);
        Assert.InRange(model.ParameterCount(), 460_000, 470_000);
    }

    [Fact]
    public void Vgg16HasThirteenConvolutionsAndThreeLinearLayers()
    {
        using var model = ModelFactory.Build(Cpu, new ModelSpec(ModelKind.Vgg16, 16, 64, Activation.Relu, [3, 32, 32]));
        var layers = model.WeightLayers();
        Assert.Equal(13, layers.Count(l => l.Spec.Kind == LayerKind.Conv));
        Assert.Equal([2048, 512, 512], layers.Where(l => l.Spec.Kind == LayerKind.Linear).Select(l => l.Spec.In));
    }

    [Fact]
    public void CifarConvOfDepth1000HasThePapersLayers()
    {
        using var model = ModelFactory.Build(Cpu, new ModelSpec(ModelKind.CifarConv, 1000, 8, Activation.Tanh, [3, 32, 32]));
        var layers = model.WeightLayers();
        Assert.Equal(997, layers.Count(l => l.Spec.Kind == LayerKind.Conv));
        Assert.Equal(8 * 4 * 4, layers[^1].Spec.In);
    }

    [Theory]
    [InlineData(ModelKind.CifarConv, 8, 4)]
    [InlineData(ModelKind.ResNet, 8, 4)]
    [InlineData(ModelKind.Vgg16, 16, 2)]
    public void ImageModelsMapImagesToTenLogits(ModelKind kind, int depth, int width)
    {
        var spec = new ModelSpec(kind, depth, width, Activation.Relu, [3, 32, 32]);
        using var model = ModelFactory.Build(Cpu, spec);
        int seed = 0;
        foreach (var layer in model.WeightLayers()) Randomize(layer.Layer, ++seed, scale: 0.2);
        using var scope = TensorScope.Begin();
        var x = HostTensors.Upload(Cpu, ElementType.Float32, [2, 3, 32, 32], Uniform(1, 2 * 3 * 32 * 32), requiresGrad: true);
        var logits = model.Forward(x);
        Assert.Equal(new Shape(2, 10), logits.Shape);
        logits.Sum().Backward();
        Assert.All(model.Parameters(), p => Assert.NotNull(p.Parameter.Value.Grad));
    }
}
