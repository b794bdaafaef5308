using Eoi.Backends;

namespace Eoi.Autograd;

/// <summary>Elementwise activations; the derivative rules live with the backend's
/// <see cref="IBackend.ActivateBackward"/>, which gets both x and y = f(x).</summary>
public static class ActivationOps
{
    public static Tensor Activate(this Tensor x, Activation f)
    {
        var y = x.NewLike(x.Shape);
        x.Backend.Activate(f, x.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx => x.Backend.ActivateBackward(f, x.Buffer, y.Buffer, g.Buffer, dx)), x);
    }

    public static Tensor Identity(this Tensor x) => x.Activate(Activation.Identity);
    public static Tensor Tanh(this Tensor x) => x.Activate(Activation.Tanh);
    public static Tensor Relu(this Tensor x) => x.Activate(Activation.Relu);
    public static Tensor HardTanh(this Tensor x) => x.Activate(Activation.HardTanh);
    public static Tensor Selu(this Tensor x) => x.Activate(Activation.Selu);

    public static Tensor LeakyRelu(this Tensor x, double negativeSlope = Activation.DefaultNegativeSlope) =>
        x.Activate(Activation.LeakyRelu(negativeSlope));
}
