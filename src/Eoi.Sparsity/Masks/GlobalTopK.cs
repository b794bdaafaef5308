using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// One global top-k over the scores of all layers (the "global scope" of SNIP, GraSP and SynFlow). With t the
/// k-th largest eligible score, every eligible entry scoring above t is kept and the remaining slots go to a
/// uniform sample, drawn from the key, of the entries scoring exactly t. So exactly k entries are kept, and ties
/// (e.g. the many exact zeros of a delta-orthogonal init) never favour the first layers, as an index order would.
/// </summary>
static class GlobalTopK
{
    /// <param name="scores">Per layer, one score per entry.</param>
    /// <param name="k">How many entries to keep over all layers.</param>
    /// <param name="key">Draws the sample among the entries tied at the threshold.</param>
    /// <param name="eligible">Per layer, which entries may be kept (null: all); ineligible ones never are.</param>
    public static bool[][] Keep(IReadOnlyList<double[]> scores, long k, RngKey key, IReadOnlyList<bool[]>? eligible = null)
    {
        var candidates = new List<(int Layer, int Index)>();
        var values = new List<double>();
        for (int l = 0; l < scores.Count; l++)
            for (int p = 0; p < scores[l].Length; p++)
            {
                if (eligible is not null && !eligible[l][p]) continue;
                double s = scores[l][p];
                if (double.IsNaN(s))
                    throw new EoiArgumentException("scores", $"scores must not be NaN; got NaN in layer {l} at flat index {p}");
                candidates.Add((l, p));
                values.Add(s);
            }
        var keep = scores.Select(s => new bool[s.Length]).ToArray();
        if (k <= 0) return keep;
        if (k >= candidates.Count)
        {
            foreach (var (l, p) in candidates) keep[l][p] = true;
            return keep;
        }
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double threshold = sorted[sorted.Length - (int)k];
        var ties = new List<int>();
        long above = 0;
        for (int c = 0; c < candidates.Count; c++)
        {
            if (values[c] > threshold) { keep[candidates[c].Layer][candidates[c].Index] = true; above++; }
            else if (values[c] == threshold) ties.Add(c);
        }
        foreach (int c in Sampling.Choose(ties.ToArray(), (int)(k - above), key))
            keep[candidates[c].Layer][candidates[c].Index] = true;
        return keep;
    }
}
