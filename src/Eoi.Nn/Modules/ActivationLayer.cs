using Eoi.Autograd;
using Eoi.Backends;

namespace Eoi.Nn.Modules;

/// <summary>An elementwise nonlinearity: identity (the paper's "linear"), tanh, ReLU, leaky ReLU, hard tanh or SELU.</summary>
public sealed class ActivationLayer(Activation activation) : Module
{
    public Activation Activation { get; } = activation;

    public override Tensor Forward(Tensor x) => x.Activate(Activation);
}
