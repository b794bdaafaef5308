namespace Eoi.Data.Tests;

/// <summary>Small datasets whose contents give away their positions.</summary>
static class Datasets
{
    /// <summary>Example i is the 1 x 2 x 2 image [i, i, i, i] with label i mod 10.</summary>
    public static Dataset Counting(int count) => new(
        "toy/train",
        Enumerable.Range(0, count).SelectMany(i => Enumerable.Repeat((float)i, 4)).ToArray(),
        [1, 2, 2],
        Enumerable.Range(0, count).Select(i => i % 10).ToArray(),
        classCount: 10);
}
