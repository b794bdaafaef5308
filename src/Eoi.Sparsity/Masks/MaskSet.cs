using Eoi.Core;

namespace Eoi.Sparsity;

/// <summary>One 0/1 mask per layer, as a mask method selected them.</summary>
public sealed class MaskSet
{
    readonly Lazy<IReadOnlyList<NdArray>> masks;
    readonly long[] nonZeros;

    public IReadOnlyList<LayerSpec> Layers { get; }
    public IReadOnlyList<NdArray> Masks => masks.Value;

    public MaskSet(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NdArray> masks)
    {
        Guard.NotNull(layers, nameof(layers));
        Guard.NotNull(masks, nameof(masks));
        if (masks.Count != layers.Count)
            throw new EoiArgumentException(nameof(masks), $"masks must have one entry per layer ({layers.Count}); got {masks.Count}");
        for (int l = 0; l < layers.Count; l++)
            if (masks[l].Shape != layers[l].Shape)
                throw new EoiArgumentException(nameof(masks), $"mask {l} must have the shape of {layers[l]}; got {masks[l].Shape}");
        Layers = layers;
        this.masks = new(masks);
        nonZeros = [.. masks.Select(m => m.CountNonZero())];
    }

    /// <summary>Masks given as keep flags (checked against the layers' sizes); their float64 arrays are made on first
    /// use of <see cref="Masks"/>, which EOI, needing only <see cref="Density"/>, never makes.</summary>
    internal MaskSet(IReadOnlyList<LayerSpec> layers, bool[][] keep)
    {
        for (int l = 0; l < layers.Count; l++)
            if (keep[l].Length != layers[l].Count)
                throw new EoiArgumentException(nameof(keep), $"mask {l} must have {layers[l].Count} entries for {layers[l]}; got {keep[l].Length}");
        Layers = layers;
        masks = new(() => [.. layers.Select((layer, l) => Sparsity.Masks.FromFlags(layer, keep[l]))]);
        nonZeros = [.. keep.Select(k => (long)k.Count(x => x))];
    }

    public long NonZeros(int layer) => nonZeros[layer];
    public double Density(int layer) => NonZeros(layer) / (double)Layers[layer].Count;
    public long TotalNonZeros => Enumerable.Range(0, Layers.Count).Sum(NonZeros);
    public long TotalCount => Layers.Sum(l => (long)l.Count);
    public double GlobalDensity => TotalNonZeros / (double)TotalCount;
}
