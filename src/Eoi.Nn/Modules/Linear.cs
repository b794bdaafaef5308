using Eoi.Autograd;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Sparsity;

namespace Eoi.Nn.Modules;

/// <summary>y = x W^T + b with a dense W [out, in]. A sparse layer keeps a fixed mask, which the optimiser
/// multiplies back in after every step, so pruned weights stay exactly zero (static sparse training).</summary>
public sealed class Linear : MaskedDenseLayer
{
    public Linear(IBackend backend, int inFeatures, int outFeatures, bool bias = true, ElementType elementType = ElementType.Float32)
        : base(backend, elementType, LayerSpec.Linear("", outFeatures, inFeatures, bias))
    {
    }

    public override Tensor Forward(Tensor x)
    {
        var y = x.MatMul(weight.Value, transposeB: true);
        return Bias is null ? y : y.AddBias(Bias.Value);
    }
}
