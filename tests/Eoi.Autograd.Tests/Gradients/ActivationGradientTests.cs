using Eoi.Backends;
using Eoi.Core;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests.Gradients;

public class ActivationGradientTests
{
    [EoiProperty]
    public void EveryActivation(ActivationKind kind, Dim rows, Dim cols, int seed)
    {
        var f = kind == ActivationKind.LeakyRelu ? Activation.LeakyRelu(0.2) : new Activation(kind);
        Shape shape = [rows, cols];
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf(shape, v[0]);
            return (x.Activate(f), [x]);
        }, [AwayFromKinks(seed, shape.ElementCount)], seed);
    }

    /// <summary>The named shortcuts are the activations they name.</summary>
    [Fact]
    public void ShortcutsMatchActivate()
    {
        var x = Tensor.FromArray(Cpu, [5], new[] { -1.5, -0.5, 0.25, 0.75, 2.0 });
        (Func<Tensor, Tensor> shortcut, Activation f)[] cases =
        [
            (t => t.Identity(), Activation.Identity), (t => t.Tanh(), Activation.Tanh), (t => t.Relu(), Activation.Relu),
            (t => t.LeakyRelu(), Activation.LeakyRelu()), (t => t.HardTanh(), Activation.HardTanh), (t => t.Selu(), Activation.Selu),
        ];
        foreach (var (shortcut, f) in cases)
            Assert.Equal(x.Activate(f).ToArray<double>(), shortcut(x).ToArray<double>());
    }

    /// <summary>Forward values against the textbook definitions (PyTorch's constants and conventions).</summary>
    [Fact]
    public void ForwardValues()
    {
        var x = Tensor.FromArray(Cpu, [4], new[] { -2.0, -0.5, 0.5, 2.0 });
        Assert.Equal([-2.0, -0.5, 0.5, 2.0], x.Identity().ToArray<double>());
        Assert.Equal([0.0, 0.0, 0.5, 2.0], x.Relu().ToArray<double>());
        Assert.Equal([-0.02, -0.005, 0.5, 2.0], x.LeakyRelu().ToArray<double>());
        Assert.Equal([-1.0, -0.5, 0.5, 1.0], x.HardTanh().ToArray<double>());
        var tanh = x.Tanh().ToArray<double>();
        var selu = x.Selu().ToArray<double>();
        for (int i = 0; i < 4; i++)
        {
            double v = new[] { -2.0, -0.5, 0.5, 2.0 }[i];
            Assert.Equal(Math.Tanh(v), tanh[i], 1e-15);
            double expected = v > 0 ? Activation.SeluScale * v : Activation.SeluScale * Activation.SeluAlpha * (Math.Exp(v) - 1);
            Assert.Equal(expected, selu[i], 1e-15);
        }
    }
}
