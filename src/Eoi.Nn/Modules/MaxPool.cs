using Eoi.Autograd;
using Eoi.Nn.Functional;

namespace Eoi.Nn.Modules;

/// <summary>Max pooling over non-overlapping square windows (VGG's "M"); see <see cref="MaxPoolOps"/>.</summary>
public sealed class MaxPool(int kernel) : Module
{
    public override Tensor Forward(Tensor x) => x.MaxPool2d(kernel);
}
