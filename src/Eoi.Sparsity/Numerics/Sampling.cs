using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>Random subsets used by the mask methods.</summary>
static class Sampling
{
    /// <summary>Each of count entries kept independently with probability p (u &lt; p, u a 53-bit uniform).</summary>
    public static bool[] Bernoulli(int count, double p, RngKey key)
    {
        var stream = new RandomStream(key);
        var keep = new bool[count];
        for (int i = 0; i < count; i++)
            keep[i] = stream.NextDouble() < p;
        return keep;
    }

    /// <summary>
    /// A uniform k-subset of candidates, by a partial Fisher-Yates shuffle of the candidate array (in the order
    /// given): slot t swaps with a uniform slot in [t, n). The first k slots are the sample. Mutates candidates.
    /// </summary>
    public static ReadOnlySpan<int> Choose(int[] candidates, int k, RngKey key)
    {
        var stream = new RandomStream(key);
        for (int t = 0; t < k; t++)
        {
            int pick = t + (int)stream.NextBelow((uint)(candidates.Length - t));
            (candidates[t], candidates[pick]) = (candidates[pick], candidates[t]);
        }
        return candidates.AsSpan(0, k);
    }

    /// <summary>Exactly k of count positions kept, uniformly (the authors' randperm-based exact count).</summary>
    public static bool[] ExactCount(int count, int k, RngKey key)
    {
        var keep = new bool[count];
        var all = new int[count];
        for (int i = 0; i < count; i++) all[i] = i;
        foreach (int i in Choose(all, k, key))
            keep[i] = true;
        return keep;
    }
}
