using Eoi.Autograd;

namespace Eoi.Nn.Modules;

/// <summary>[rows, cols] to [cols, rows]: where a stack of feature-major layers begins or ends.</summary>
public sealed class Transpose : Module
{
    public override Tensor Forward(Tensor x) => x.Transpose();
}
