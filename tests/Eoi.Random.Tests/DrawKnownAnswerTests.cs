namespace Eoi.Random.Tests;

/// <summary>
/// Known answers for the draws of docs/SPEC.md §1.2–1.4, worked from the stream of seed 0, whose first words are
/// block 0 of Philox (the Random123 vector 6627e8d5 e169c58d bc57ac4c 9b00dbd8) then f8e4cca4 5cb200db ....
/// The constants were checked once against interop/python/eoi_reference.py; this test needs no Python.
/// </summary>
public class DrawKnownAnswerTests
{
    static RandomStream SeedZero() => new(RngKey.FromSeed(0));

    [Theory]
    // Philox((0, 0, 0, 0x4B455953), (0, 0)) and the next counter: the first two words of each block.
    [InlineData(0UL, 0UL, 0x8a99bdcbu, 0xc73c0662u)]
    [InlineData(0UL, 1UL, 0xb5e36cb0u, 0x9c671392u)]
    // A seed and an index with both 32-bit halves non-zero, so a swapped or dropped half shows.
    [InlineData(0x0123456789abcdefUL, 0x100000002UL, 0xf7c4f582u, 0xda444054u)]
    public void SplitGivesTheFirstTwoWordsOfTheTaggedBlock(ulong seed, ulong index, uint k0, uint k1)
    {
        Assert.Equal(new RngKey(k0, k1), RngKey.FromSeed(seed).Split(index));
    }

    [Fact]
    public void NextBelowIsTheHighWordOfTheProduct()
    {
        // n = 10: the threshold (2^32 - 10) mod 10 = 6, and none of these eight words gives a low word under 6.
        // First: hi32(0x6627e8d5 * 10) = 17138915410 >> 32 = 3.
        var stream = SeedZero();
        uint[] draws = [.. Enumerable.Range(0, 8).Select(_ => stream.NextBelow(10))];
        Assert.Equal([3u, 8, 7, 6, 9, 3, 6, 0], draws);
        Assert.Equal(8UL, stream.WordsDrawn);
    }

    [Fact]
    public void NextBelowRejectsLowWordsUnderTheThreshold()
    {
        // n = 3 * 2^30: threshold (2^32 - n) mod n = 2^30, and lo32(w * n) = ((3w) mod 4) * 2^30, so a word is
        // rejected exactly when 3w = 0 mod 4, i.e. w = 0 mod 4. Words 2-4 (bc57ac4c, 9b00dbd8, f8e4cca4) are
        // multiples of 4 and rejected; word 5 (5cb200db) gives (0x5cb200db * 3) >> 2 = 1166377124.
        const uint n = 3u << 30;
        var stream = SeedZero();
        Assert.Equal(1285418655u, stream.NextBelow(n));   // 0x6627e8d5 * 3 >> 2
        Assert.Equal(1UL, stream.WordsDrawn);
        Assert.Equal(2836354089u, stream.NextBelow(n));   // 0xe169c58d * 3 >> 2
        Assert.Equal(2UL, stream.WordsDrawn);
        Assert.Equal(1166377124u, stream.NextBelow(n));
        Assert.Equal(6UL, stream.WordsDrawn);
    }

    [Fact]
    public void NextDoubleTakesThe53HighBitsOfTwoWords()
    {
        // ((a << 32 | b) >> 11) * 2^-53 for the word pairs (6627e8d5, e169c58d), (bc57ac4c, 9b00dbd8),
        // (f8e4cca4, 5cb200db); written as exact hexadecimal significands.
        var stream = SeedZero();
        Assert.Equal(0x1989fa35785a70L * Math.Pow(2, -54), stream.NextDouble());
        Assert.Equal(0x178af58993601bL * Math.Pow(2, -53), stream.NextDouble());
        Assert.Equal(0x1f1c99948b9640L * Math.Pow(2, -53), stream.NextDouble());
        Assert.Equal(6UL, stream.WordsDrawn);
    }
}
