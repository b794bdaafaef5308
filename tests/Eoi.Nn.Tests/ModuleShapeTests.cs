using Eoi.Autograd;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Functional;
using Eoi.Nn.Modules;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>Every module's output shape, and a backward pass that reaches the input and every parameter with
/// gradients of their own shapes.</summary>
public class ModuleShapeTests
{
    public static TheoryData<string, int[], int[]> Cases => new()
    {
        { "linear", [4, 6], [4, 5] },
        { "sparse-linear", [4, 6], [4, 5] },
        { "conv-zero-stride1", [2, 3, 8, 8], [2, 5, 8, 8] },
        { "conv-circular-stride2", [2, 3, 8, 8], [2, 5, 4, 4] },
        { "avgpool", [2, 3, 8, 8], [2, 3, 4, 4] },
        { "maxpool", [2, 3, 7, 7], [2, 3, 3, 3] },
        { "flatten", [2, 3, 4, 4], [2, 48] },
        { "batchnorm1d", [4, 6], [4, 6] },
        { "batchnorm2d", [2, 3, 4, 4], [2, 3, 4, 4] },
        { "tanh", [4, 6], [4, 6] },
        { "relu", [4, 6], [4, 6] },
        { "leaky-relu", [4, 6], [4, 6] },
        { "hard-tanh", [4, 6], [4, 6] },
        { "selu", [4, 6], [4, 6] },
        { "identity", [4, 6], [4, 6] },
        { "sequential", [4, 6], [4, 5] },
        { "transpose", [4, 6], [6, 4] },
        { "sparse-linear-feature-major", [6, 4], [5, 4] },
    };

    static Module Build(string name) => name switch
    {
        "linear" => Randomized(new Linear(Cpu, 6, 5)),
        "sparse-linear" => Randomized(new SparseLinear(Cpu, 6, 5), density: 0.5),
        "conv-zero-stride1" => Randomized(new Conv2d(Cpu, 3, 5, 3, 1, 1)),
        "conv-circular-stride2" => Randomized(new Conv2d(Cpu, 3, 5, 3, 2, 1, PaddingMode.Circular)),
        "avgpool" => new AvgPool(2),
        "maxpool" => new MaxPool(2),
        "flatten" => new Flatten(),
        "batchnorm1d" => new BatchNorm(Cpu, 6),
        "batchnorm2d" => new BatchNorm(Cpu, 3),
        "tanh" => new ActivationLayer(Activation.Tanh),
        "relu" => new ActivationLayer(Activation.Relu),
        "leaky-relu" => new ActivationLayer(Activation.LeakyRelu(0.2)),
        "hard-tanh" => new ActivationLayer(Activation.HardTanh),
        "selu" => new ActivationLayer(Activation.Selu),
        "identity" => new ActivationLayer(Activation.Identity),
        "sequential" => new Sequential([Randomized(new Linear(Cpu, 6, 7)), new ActivationLayer(Activation.Tanh), Randomized(new SparseLinear(Cpu, 7, 5))]),
        "transpose" => new Transpose(),
        "sparse-linear-feature-major" => Randomized(new SparseLinear(Cpu, 6, 5, featureMajor: true), density: 0.5),
        _ => throw new ArgumentException(name),
    };

    static WeightLayer Randomized(WeightLayer layer, double density = 1)
    {
        Randomize(layer, seed: 7, density);
        return layer;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndBackwardHaveTheRightShapes(string name, int[] inputShape, int[] outputShape)
    {
        using var module = Build(name);
        using var scope = TensorScope.Begin();
        var shape = new Shape(inputShape);
        var x = HostTensors.Upload(Cpu, ElementType.Float32, shape, Uniform(1, shape.ElementCount, -2, 2), requiresGrad: true);
        var y = module.Forward(x);
        Assert.Equal(new Shape(outputShape), y.Shape);
        y.Sum().Backward();
        Assert.Equal(x.Shape, x.Grad!.Shape);
        foreach (var (parameterName, parameter) in module.Parameters())
        {
            Assert.True(parameter.Value.Grad is not null, $"{parameterName} got no gradient");
            Assert.Equal(parameter.Value.Shape, parameter.Value.Grad!.Shape);
            parameter.Value.ClearGrad();
        }
    }
}
