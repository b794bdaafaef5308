using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// synflow_direct (Tanaka et al. 2020; paper.md §3 step 2): iterative, data-free pruning. At iteration
/// t = 1..T (T = 100 by default) the scores are |θ ⊙ dR/dθ| with θ = |w| ⊙ mask and R the network's summed output
/// on an all-ones input (<see cref="IScoreModel.SynFlowGradients"/>); then the global top round(d^(t/T) * total)
/// of the still-kept entries stay (the exponential schedule), ties broken uniformly from key.Split(t). Pruned
/// entries are never revived: the original gets the same from their zero scores, except among zero-score ties.
/// Everything here is float64, the authors' double_precision option.
/// </summary>
public sealed class SynFlowMask(IScoreModel model, int iterations = MaskMethodOptions.PaperSynFlowIterations) : IMaskMethod
{
    public MaskMethodKind Kind => MaskMethodKind.SynFlow;

    public MaskSet Select(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NdArray>? weights, double density, RngKey key)
    {
        MaskArguments.Check(layers, density);
        MaskArguments.CheckModel(model, layers);
        Guard.InRange(iterations, 1, int.MaxValue, "synflow iterations");
        var magnitudes = MaskArguments.Weights(layers, weights, Kind).Select(w => w.Select(Math.Abs).ToArray()).ToArray();
        long total = layers.Sum(l => (long)l.Count);
        var keep = layers.Select(l => Enumerable.Repeat(true, l.Count).ToArray()).ToArray();
        for (int t = 1; t <= iterations; t++)
        {
            var theta = magnitudes.Select((m, l) => m.Select((x, p) => keep[l][p] ? x : 0.0).ToArray()).ToArray();
            var grads = MaskArguments.Gradients(model.SynFlowGradients(theta), layers, "SynFlow gradients");
            var scores = theta.Select((th, l) => th.Select((x, p) => Math.Abs(x * grads[l][p])).ToArray()).ToArray();
            long k = DeltaOrthogonal.MaskTarget(Math.Pow(density, (double)t / iterations), total);
            keep = GlobalTopK.Keep(scores, k, key.Split((ulong)t), keep);
        }
        return MaskArguments.ToMaskSet(layers, keep);
    }
}
