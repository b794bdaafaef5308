using Eoi.Autograd;
using Eoi.Core.Backend;
using Eoi.Sparsity;

namespace Eoi.Nn.Modules;

/// <summary>
/// 2-D convolution with a square kernel. Sparse convolutions use a masked dense kernel, not a sparse kernel:
/// the whole [out, in, k, k] weight is stored and multiplied, and the fixed mask is multiplied back in after
/// every optimiser step, so pruned taps stay exactly zero. Padding may be zeros or circular.
/// </summary>
public sealed class Conv2d : MaskedDenseLayer
{
    public Conv2d(IBackend backend, int inChannels, int outChannels, int kernel, int stride = 1, int padding = 0,
                  PaddingMode paddingMode = PaddingMode.Zeros, bool bias = true, ElementType elementType = ElementType.Float32)
        : base(backend, elementType, LayerSpec.Conv("", outChannels, inChannels, kernel, kernel, bias))
    {
        Eoi.Core.Guard.Positive(kernel, nameof(kernel));
        Eoi.Core.Guard.Positive(stride, nameof(stride));
        Eoi.Core.Guard.InRange(padding, 0, int.MaxValue, nameof(padding));
        Stride = stride;
        Padding = padding;
        PaddingMode = paddingMode;
    }

    public int Stride { get; }
    public int Padding { get; }
    public PaddingMode PaddingMode { get; }

    public override Tensor Forward(Tensor x)
    {
        var y = x.Conv2d(weight.Value, Stride, Padding, PaddingMode);
        return Bias is null ? y : y.AddBias(Bias.Value);
    }
}
