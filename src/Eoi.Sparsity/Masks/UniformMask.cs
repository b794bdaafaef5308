using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>uniform (paper.md §3 step 2): every entry kept with probability d, layer l from key.Split(l), so each
/// layer's density is d up to Bernoulli sampling error.</summary>
public sealed class UniformMask : IMaskMethod
{
    public MaskMethodKind Kind => MaskMethodKind.Uniform;

    public MaskSet Select(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NdArray>? weights, double density, RngKey key)
    {
        MaskArguments.Check(layers, density);
        return MaskArguments.Bernoulli(layers, _ => density, key);
    }
}
