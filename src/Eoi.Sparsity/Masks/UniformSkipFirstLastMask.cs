using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// uni_skip (paper.md §3 step 2, the 1000-layer CNN ablation): an image-input conv (in = 3) and every non-square
/// linear layer stay dense; every other layer keeps exactly round(d * count) positions chosen uniformly (a seeded
/// shuffle, the authors' randperm), layer l from key.Split(l). The dense layers are not compensated for, so the
/// global density is above d, as in the authors' runs.
/// </summary>
public sealed class UniformSkipFirstLastMask : IMaskMethod
{
    public MaskMethodKind Kind => MaskMethodKind.UniformSkipFirstLast;

    public static bool KeepsDense(LayerSpec layer)
    {
        Guard.NotNull(layer, nameof(layer));
        return layer.IsImageInputConv || (layer.Kind == LayerKind.Linear && layer.Out != layer.In);
    }

    public MaskSet Select(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NdArray>? weights, double density, RngKey key)
    {
        MaskArguments.Check(layers, density);
        var keep = layers.Select((layer, l) => KeepsDense(layer)
            ? Enumerable.Repeat(true, layer.Count).ToArray()
            : Sampling.ExactCount(layer.Count, (int)DeltaOrthogonal.MaskTarget(density, layer.Count), key.Split((ulong)l))).ToArray();
        return MaskArguments.ToMaskSet(layers, keep);
    }
}
