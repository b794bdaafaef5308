using Eoi.Autograd;

namespace Eoi.Nn.Modules;

/// <summary>Max pooling over non-overlapping square windows (VGG's "M"); the gradient goes to each window's
/// first maximum, as in PyTorch.</summary>
public sealed class MaxPool(int kernel) : Module
{
    public override Tensor Forward(Tensor x) => x.MaxPool2d(kernel);
}
