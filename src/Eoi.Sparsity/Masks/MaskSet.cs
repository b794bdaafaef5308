using Eoi.Core;

namespace Eoi.Sparsity;

/// <summary>One 0/1 mask per layer, as a mask method selected them.</summary>
public sealed class MaskSet
{
    public IReadOnlyList<LayerSpec> Layers { get; }
    public IReadOnlyList<NdArray> Masks { get; }

    public MaskSet(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NdArray> masks)
    {
        Guard.NotNull(layers, nameof(layers));
        Guard.NotNull(masks, nameof(masks));
        if (masks.Count != layers.Count)
            throw new EoiArgumentException(nameof(masks), $"masks must have one entry per layer ({layers.Count}); got {masks.Count}");
        for (int l = 0; l < layers.Count; l++)
            if (!masks[l].Shape.SequenceEqual(layers[l].Shape))
                throw new EoiArgumentException(nameof(masks), $"mask {l} must have the shape of {layers[l]}; got [{string.Join(", ", masks[l].Shape)}]");
        Layers = layers;
        Masks = masks;
    }

    public long NonZeros(int layer) => Masks[layer].CountNonZero();
    public double Density(int layer) => NonZeros(layer) / (double)Layers[layer].Count;
    public long TotalNonZeros => Enumerable.Range(0, Layers.Count).Sum(NonZeros);
    public long TotalCount => Layers.Sum(l => (long)l.Count);
    public double GlobalDensity => TotalNonZeros / (double)TotalCount;
}
