using Eoi.Core;

namespace Eoi.Sparsity;

/// <summary>
/// The initial state of one layer: float64 weight values, the 0/1 trainable mask of the same shape, and the
/// bias (null when the layer has none). Values outside the mask are exactly 0; a position inside the mask may
/// hold 0 (an "unfrozen" zero of a sparse delta-orthogonal kernel, or a dense init's zero taps).
/// </summary>
public sealed record LayerInit
{
    public LayerSpec Layer { get; }
    public NdArray Values { get; }
    public NdArray Mask { get; }
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
        Values = values;
        Mask = mask;
        Bias = bias;
    }

    /// <summary>A dense layer: every position trainable.</summary>
    public static LayerInit Dense(LayerSpec layer, double[] values) =>
        new(layer, new NdArray(layer.Shape, ElementType.Float64, values), Masks.Full(layer));

    /// <summary>The same weights with another bias (checked like the constructor's).</summary>
    public LayerInit WithBias(NdArray? bias) => new(Layer, Values, Mask, bias);

    public long MaskCount => Mask.CountNonZero();
    public double Density => MaskCount / (double)Layer.Count;

    static void RequireShape(NdArray array, int[] shape, string name)
    {
        if (!array.Shape.SequenceEqual(shape))
            throw new EoiArgumentException(name, $"{name} shape must be [{string.Join(", ", shape)}]; got [{string.Join(", ", array.Shape)}]");
    }
}
