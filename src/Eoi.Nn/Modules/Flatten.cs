using Eoi.Autograd;

namespace Eoi.Nn.Modules;

/// <summary>[batch, d1, d2, ...] to [batch, d1 * d2 * ...], where convolutions meet a linear layer.</summary>
public sealed class Flatten : Module
{
    public override Tensor Forward(Tensor x) => x.Flatten();
}
