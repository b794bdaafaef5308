using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// A mask method: a pure function of (layers, dense weights, global density, key) to one mask per layer.
/// Weights are the dense init the masks are chosen on (paper.md §3 step 1); methods that ignore them accept null.
/// </summary>
public interface IMaskMethod
{
    MaskMethodKind Kind { get; }

    /// <summary>Masks at global density d in (0, 1].</summary>
    MaskSet Select(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NdArray>? weights, double density, RngKey key);
}
