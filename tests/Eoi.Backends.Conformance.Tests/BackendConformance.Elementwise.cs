using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

// Element-wise arithmetic and activations, forward and backward.
public abstract partial class BackendConformance
{
    const double Slope = 0.2;

    public static TheoryData<ElementType, ActivationKind> Activations()
    {
        var data = new TheoryData<ElementType, ActivationKind>();
        foreach (var type in new[] { ElementType.Float32, ElementType.Float64 })
            foreach (var kind in Enum.GetValues<ActivationKind>()) data.Add(type, kind);
        return data;
    }

    static Activation ActivationOf(ActivationKind kind) => kind == ActivationKind.LeakyRelu ? Activation.LeakyRelu(Slope) : new Activation(kind);

    [Theory, MemberData(nameof(FloatTypes))]
    public void Binary_add_and_multiply_round_once_even_in_place(ElementType type)
    {
        var a = Upload(type, Inputs.Uniform(21, 50));
        var b = Upload(type, Inputs.Uniform(22, 50));
        double u = Tolerances.UnitRoundoff(type);
        var sum = Zeros(type, 50);
        Backend.Binary(BinaryOp.Add, a.Buffer, b.Buffer, sum);
        Rounded(a.Values.Zip(b.Values, (x, y) => x + y), u).Check(Read(sum), "a + b");

        Backend.Binary(BinaryOp.Multiply, a.Buffer, b.Buffer, a.Buffer);
        Rounded(a.Values.Zip(b.Values, (x, y) => x * y), u).Check(Read(a.Buffer), "a * b in place");
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void Scale_and_Axpy_use_the_rounded_scalar(ElementType type)
    {
        var x = Upload(type, Inputs.Uniform(23, 40));
        var y = Upload(type, Inputs.Uniform(24, 40));
        double u = Tolerances.UnitRoundoff(type), alpha = Inputs.Round(type, 0.3);
        var scaled = Zeros(type, 40);
        Backend.Scale(0.3, x.Buffer, scaled);
        Rounded(x.Values.Select(v => alpha * v), u).Check(Read(scaled), "0.3 x");

        Backend.Axpy(0.3, x.Buffer, y.Buffer);
        new Expected([.. x.Values.Zip(y.Values, (a, b) => alpha * a + b)],
            [.. x.Values.Zip(y.Values, (a, b) => Tolerances.Rounded(2, Math.Abs(alpha * a) + Math.Abs(b), u))]).Check(Read(y.Buffer), "y + 0.3 x");
    }

    [Theory, MemberData(nameof(Activations))]
    public void Activate_matches_the_reference_even_in_place(ElementType type, ActivationKind kind)
    {
        var x = Upload(type, Inputs.Uniform(25, 64, -3, 3));
        var expected = ActivationReference.Forward(kind, Inputs.Round(type, Slope), x.Values, Tolerances.UnitRoundoff(type));
        var y = Zeros(type, 64);
        Backend.Activate(ActivationOf(kind), x.Buffer, y);
        expected.Check(Read(y), $"{kind}(x)");
        Backend.Activate(ActivationOf(kind), x.Buffer, x.Buffer);
        expected.Check(Read(x.Buffer), $"{kind}(x) in place");
    }

    [Theory, MemberData(nameof(Activations))]
    public void ActivateBackward_matches_the_reference(ElementType type, ActivationKind kind)
    {
        var x = Upload(type, Inputs.AwayFromKinks(26, 64));
        var y = Zeros(type, 64);
        Backend.Activate(ActivationOf(kind), x.Buffer, y);
        var dy = Upload(type, Inputs.Uniform(27, 64));
        var dx = Zeros(type, 64);
        Backend.ActivateBackward(ActivationOf(kind), x.Buffer, y, dy.Buffer, dx);
        ActivationReference.Backward(kind, Inputs.Round(type, Slope), x.Values, Read(y), dy.Values, Tolerances.UnitRoundoff(type)).Check(Read(dx), $"{kind}'");
    }

    /// <summary>PyTorch's choices where the derivative is undefined: ReLU'(0) = 0, leaky ReLU'(0) = slope,
    /// HardTanh'(+-1) = 0.</summary>
    [Theory, MemberData(nameof(FloatTypes))]
    public void Derivatives_at_the_kinks_follow_PyTorch(ElementType type)
    {
        var x = Upload(type, [-1, 0, 1]);
        var ones = Upload(type, [1, 1, 1]);
        var dx = Zeros(type, 3);
        double slope = Inputs.Round(type, Slope);
        foreach (var (f, expected) in new[] { (Activation.Relu, new[] { 0, 0, 1.0 }), (Activation.LeakyRelu(Slope), [slope, slope, 1]), (Activation.HardTanh, [0, 1, 0.0]) })
        {
            Backend.ActivateBackward(f, x.Buffer, x.Buffer, ones.Buffer, dx);
            Expected.Exact(expected).Check(Read(dx), $"{f.Kind}' at -1, 0, 1");
        }
    }

    [Theory, MemberData(nameof(Activations))]
    public void Activations_propagate_NaN(ElementType type, ActivationKind kind)
    {
        var x = Upload(type, [double.NaN]);
        var y = Zeros(type, 1);
        Backend.Activate(ActivationOf(kind), x.Buffer, y);
        Assert.True(double.IsNaN(Read(y)[0]), $"{kind}(NaN) should be NaN");
    }

    static Expected Rounded(IEnumerable<double> exact, double u)
    {
        double[] values = [.. exact];
        return new Expected(values, [.. values.Select(v => Tolerances.Rounded(1, Math.Abs(v), u))]);
    }
}
