using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class GlobalTopKTests
{
    [Fact]
    public void TiesAtTheThresholdAreSampledNotTakenInIndexOrder()
    {
        // 100 zero scores in each of two layers and one positive: k = 51 keeps the positive one and 50 zeros.
        double[][] scores = [new double[100], new double[100]];
        scores[1][7] = 1.0;
        var layersHit = new int[2];
        for (ulong seed = 0; seed < 20; seed++)
        {
            var keep = GlobalTopK.Keep(scores, 51, RngKey.FromSeed(seed));
            Assert.True(keep[1][7]);
            Assert.Equal(51, keep.Sum(k => k.Count(x => x)));
            for (int l = 0; l < 2; l++) layersHit[l] += keep[l].Count(x => x);
        }
        Assert.All(layersHit, hits => Assert.InRange(hits, 300, 730));
    }

    [Fact]
    public void IneligibleEntriesAreNeverKept()
    {
        double[][] scores = [[5, 4, 3, 2, 1]];
        var keep = GlobalTopK.Keep(scores, 2, RngKey.FromSeed(1), [[false, true, true, true, true]]);
        Assert.Equal([false, true, true, false, false], keep[0]);
    }

    [Fact]
    public void NaNScoresAreRejected() =>
        Rejections.AssertRejected(() => GlobalTopK.Keep([[1.0, double.NaN]], 1, RngKey.FromSeed(1)), "scores", "NaN");
}
