using Eoi.Random;

namespace Eoi.Data.Tests;

public class MiniBatchesTests
{
    [Fact]
    public void ShuffleIsAPermutationWithAPinnedSequence()
    {
        int[] order = Shuffle.Permutation(10, RngKey.FromSeed(42));
        Assert.Equal(Enumerable.Range(0, 10), order.Order());
        // Expected values come from the documented procedure run on the independent Python RNG of
        // interop/python/eoi_reference.py (Stream(key).below), so the shuffle is reproducible outside C#.
        Assert.Equal([7, 3, 8, 9, 1, 5, 2, 0, 4, 6], order);
        Assert.Equal([6, 11, 3, 5, 0, 4, 1, 10, 8, 2, 9, 7], MiniBatches.Order(12, seed: 7, epoch: 3));
        Assert.Empty(Shuffle.Permutation(0, RngKey.FromSeed(42)));
        Assert.Equal([0], Shuffle.Permutation(1, RngKey.FromSeed(42)));
    }

    [Fact]
    public void TheSameSeedAndEpochGiveTheSameBatches()
    {
        Dataset data = Datasets.Counting(25);
        MiniBatch[] first = [.. MiniBatches.ForEpoch(data, 8, seed: 7, epoch: 3)];
        MiniBatch[] again = [.. MiniBatches.ForEpoch(data, 8, seed: 7, epoch: 3)];

        Assert.Equal(first.Select(b => b.Indices), again.Select(b => b.Indices));
        Assert.Equal(first.Select(b => b.Inputs), again.Select(b => b.Inputs));
    }

    [Fact]
    public void EpochsAndSeedsGiveDifferentOrders()
    {
        int[] epoch0 = MiniBatches.Order(1000, seed: 7, epoch: 0);
        Assert.NotEqual(epoch0, MiniBatches.Order(1000, seed: 7, epoch: 1));
        Assert.NotEqual(epoch0, MiniBatches.Order(1000, seed: 8, epoch: 0));
        Assert.NotEqual(Enumerable.Range(0, 1000), epoch0);
    }

    [Fact]
    public void BatchesCoverEveryExampleOnceAndTheLastIsShort()
    {
        Dataset data = Datasets.Counting(25);
        MiniBatch[] batches = [.. MiniBatches.ForEpoch(data, 8, seed: 1, epoch: 0)];

        Assert.Equal([8, 8, 8, 1], batches.Select(b => b.Count));
        Assert.Equal([8, 1, 2, 2], batches[0].Shape);
        Assert.Equal([1, 1, 2, 2], batches[3].Shape);
        Assert.Equal(MiniBatches.Order(25, 1, 0), batches.SelectMany(b => b.Indices));
        foreach (MiniBatch batch in batches)
            for (int i = 0; i < batch.Count; i++)
            {
                Assert.Equal(batch.Indices[i] % 10, batch.Labels[i]);
                Assert.Equal(Enumerable.Repeat((float)batch.Indices[i], 4), batch.Inputs[(4 * i)..(4 * i + 4)]);
            }
    }

    [Fact]
    public void InOrderRejectsIndicesOutsideTheDataset()
    {
        var ex = Assert.Throws<Eoi.Core.EoiArgumentException>(() => MiniBatches.InOrder(Datasets.Counting(3), 2, [0, 3]));
        Assert.Contains("order must hold indices in [0, 2]; got 3", ex.Message);
    }
}
