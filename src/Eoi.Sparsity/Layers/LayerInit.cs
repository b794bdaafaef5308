using Eoi.Core;

namespace Eoi.Sparsity;

/// <summary>
/// The initial state of one layer: float64 weight values, the 0/1 trainable mask of the same shape, and the
/// bias (null when the layer has none). Values outside the mask are exactly 0; a position inside the mask may
/// hold 0 (an "unfrozen" zero of a sparse delta-orthogonal kernel, or a dense init's zero taps).
/// An init made sparse (an EOI linear layer) is held as CSR, the mask its pattern, out x (in * kh * kw);
/// <see cref="Values"/> and <see cref="Mask"/> are then dense copies made on first use, which a network built
/// from <see cref="Sparse"/> never needs (a 1000-layer MLP's dense copies were 256 MB of large-object-heap arrays).
/// </summary>
public sealed record LayerInit
{
    NdArray? values, mask;

    public LayerSpec Layer { get; }
    public NdArray Values => values ??= Sparse!.ToDense().Reshaped(Layer.Shape);
    public NdArray Mask => mask ??= Sparse!.Pattern.ToDenseMask().Reshaped(Layer.Shape);
    /// <summary>The weight as CSR over the mask's positions when the init was made sparse; null otherwise.</summary>
    public CsrMatrix? Sparse { get; }
    public NdArray? Bias { get; }

    public LayerInit(LayerSpec layer, NdArray values, NdArray mask, NdArray? bias = null)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.NotNull(values, nameof(values));
        Guard.NotNull(mask, nameof(mask));
        RequireShape(values, layer.Shape, nameof(values));
        RequireShape(mask, layer.Shape, nameof(mask));
        for (int p = 0; p < mask.Data.Length; p++)
        {
            if (mask.Data[p] != 0.0 && mask.Data[p] != 1.0)
                throw new EoiArgumentException(nameof(mask), $"mask entries must be 0 or 1; got {mask.Data[p]} at flat index {p}");
            if (mask.Data[p] == 0.0 && values.Data[p] != 0.0)
                throw new EoiArgumentException(nameof(values), $"values outside the mask must be 0; got {values.Data[p]} at flat index {p}");
        }
        if (bias is not null)
            RequireShape(bias, [layer.Out], nameof(bias));
        Layer = layer;
        this.values = values;
        this.mask = mask;
        Bias = bias;
    }

    /// <summary>A sparse init: the mask is the pattern of <paramref name="weight"/>, out x (in * kh * kw).</summary>
    public LayerInit(LayerSpec layer, CsrMatrix weight, NdArray? bias = null)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.NotNull(weight, nameof(weight));
        if (weight.Rows != layer.Out || weight.Cols != layer.FanIn)
            throw new EoiArgumentException(nameof(weight), $"weight must be {layer.Out} x {layer.FanIn} (out x in * kh * kw); got {weight.Rows} x {weight.Cols}");
        if (bias is not null)
            RequireShape(bias, [layer.Out], nameof(bias));
        Layer = layer;
        Sparse = weight;
        Bias = bias;
    }

    /// <summary>A dense layer: every position trainable.</summary>
    public static LayerInit Dense(LayerSpec layer, double[] values) =>
        new(layer, new NdArray(layer.Shape, ElementType.Float64, values), Masks.Full(layer));

    /// <summary>The same weights with another bias (checked like the constructor's).</summary>
    public LayerInit WithBias(NdArray? bias) => Sparse is { } sparse ? new(Layer, sparse, bias) : new(Layer, Values, Mask, bias);

    public long MaskCount => Sparse?.Pattern.NonZeros ?? Mask.CountNonZero();
    public double Density => MaskCount / (double)Layer.Count;

    static void RequireShape(NdArray array, Shape shape, string name)
    {
        if (array.Shape != shape)
            throw new EoiArgumentException(name, $"{name} shape must be {shape}; got {array.Shape}");
    }
}
