using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// snip_direct (Lee et al. 2019; paper.md §3 step 2): scores |dL/dm| = |g ⊙ w| at the dense weights (mask all
/// ones), one global top-k keeping round(d * total) entries; ties are broken uniformly from the key.
/// </summary>
public sealed class SnipMask(IScoreModel model) : IMaskMethod
{
    public MaskMethodKind Kind => MaskMethodKind.Snip;

    public MaskSet Select(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NdArray>? weights, double density, RngKey key)
    {
        MaskArguments.Check(layers, density);
        MaskArguments.CheckModel(model, layers);
        var w = MaskArguments.Weights(layers, weights, Kind);
        var g = MaskArguments.Gradients(model.LossGradients(w), layers, "loss gradients");
        var scores = w.Select((wl, l) => wl.Select((x, p) => Math.Abs(x * g[l][p])).ToArray()).ToArray();
        long total = layers.Sum(l => (long)l.Count);
        return MaskArguments.ToMaskSet(layers, GlobalTopK.Keep(scores, DeltaOrthogonal.MaskTarget(density, total), key));
    }
}
