using Eoi.Core;
using Eoi.Random;

namespace Eoi.Data;

/// <summary>
/// Deterministic mini-batch order. Epoch e of seed s visits the examples in the order
/// <see cref="Shuffle.Permutation"/>(count, RngKey.FromSeed(s).Split(e)): every epoch gets its own
/// independent shuffle, and the same (seed, epoch) always gives the same batches. Batches are consecutive
/// runs of <c>batchSize</c> examples of that order; the last one is smaller when the size does not divide the
/// count (PyTorch's drop_last = False).
/// </summary>
public static class MiniBatches
{
    public static int[] Order(int count, ulong seed, int epoch)
    {
        Guard.InRange(epoch, 0, int.MaxValue, nameof(epoch));
        return Shuffle.Permutation(count, RngKey.FromSeed(seed).Split((ulong)epoch));
    }

    public static IEnumerable<MiniBatch> ForEpoch(Dataset dataset, int batchSize, ulong seed, int epoch)
    {
        Guard.NotNull(dataset, nameof(dataset));
        return InOrder(dataset, batchSize, Order(dataset.Count, seed, epoch));
    }

    /// <summary>Batches of <paramref name="dataset"/> taken in the given order (e.g. 0..n-1 for evaluation).</summary>
    public static IEnumerable<MiniBatch> InOrder(Dataset dataset, int batchSize, int[] order)
    {
        Guard.NotNull(dataset, nameof(dataset));
        Guard.NotNull(order, nameof(order));
        Guard.Positive(batchSize, nameof(batchSize));
        foreach (int index in order)
            if ((uint)index >= (uint)dataset.Count)
                throw new EoiArgumentException(nameof(order), $"order must hold indices in [0, {dataset.Count - 1}]; got {index}");
        return Enumerate(dataset, batchSize, order);
    }

    static IEnumerable<MiniBatch> Enumerate(Dataset dataset, int batchSize, int[] order)
    {
        for (int start = 0; start < order.Length; start += batchSize)
        {
            int[] indices = order[start..Math.Min(start + batchSize, order.Length)];
            var inputs = new float[indices.Length * dataset.SampleSize];
            var labels = new int[indices.Length];
            for (int i = 0; i < indices.Length; i++)
            {
                dataset.Input(indices[i]).CopyTo(inputs.AsSpan(i * dataset.SampleSize));
                labels[i] = dataset.Labels.Span[indices[i]];
            }
            yield return new MiniBatch(inputs, labels, [indices.Length, .. dataset.SampleShape], indices);
        }
    }
}
