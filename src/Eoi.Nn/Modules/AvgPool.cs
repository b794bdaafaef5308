using Eoi.Autograd;

namespace Eoi.Nn.Modules;

/// <summary>Average pooling over non-overlapping square windows of [batch, channels, height, width].</summary>
public sealed class AvgPool(int kernel) : Module
{
    public override Tensor Forward(Tensor x) => x.AvgPool2d(kernel);
}
