using Eoi.Core;

namespace Eoi.Random;

/// <summary>
/// A sequential stream of 32-bit words from Philox4x32-10: block n is Philox(counter = (n_lo, n_hi, 0, 0),
/// key), and its four words come out in order out0, out1, out2, out3. Integer and float draws are defined
/// on top of these words exactly as docs/SPEC.md says, so a short NumPy script reproduces every draw.
/// Not thread-safe: one stream per sequential consumer.
/// </summary>
public sealed class RandomStream
{
    readonly RngKey _key;
    ulong _block;
    readonly uint[] _words = new uint[4];
    int _next = 4;

    /// <summary>A stream that starts at block 0 of <paramref name="key"/>.</summary>
    public RandomStream(RngKey key) => _key = key;

    /// <summary>Number of 32-bit words drawn so far.</summary>
    public ulong WordsDrawn => _block * 4 - (ulong)(4 - _next);

    /// <summary>The next 32-bit word: block b gives words 4b to 4b + 3, in order.</summary>
    public uint NextUInt32()
    {
        if (_next == 4)
        {
            (_words[0], _words[1], _words[2], _words[3]) =
                Philox4x32.Block((uint)_block, (uint)(_block >> 32), 0, 0, _key.K0, _key.K1);
            _block++;
            _next = 0;
        }
        return _words[_next++];
    }

    /// <summary>
    /// Uniform integer in [0, n) by Lemire's multiply-shift with rejection ("Fast random integer generation
    /// in an interval", 2019): m = x*n; reject while (m mod 2^32) &lt; (2^32 - n) mod n; return m >> 32.
    /// Exactly uniform; consumes one word, plus one per rejection.
    /// </summary>
    public uint NextBelow(uint n)
    {
        if (n == 0)
            throw new EoiArgumentException(nameof(n), "n must be in [1, 4294967295]; got 0");
        ulong m = (ulong)NextUInt32() * n;
        uint low = (uint)m;
        if (low < n)
        {
            uint threshold = (uint)(-n) % n;
            while (low < threshold)
            {
                m = (ulong)NextUInt32() * n;
                low = (uint)m;
            }
        }
        return (uint)(m >> 32);
    }

    /// <summary>
    /// Uniform double in [0, 1) with 53 random bits: with a the first and b the second word drawn,
    /// u = (((a &lt;&lt; 32) | b) >> 11) * 2^-53. Every value is a multiple of 2^-53, so the map is exact.
    /// </summary>
    public double NextDouble()
    {
        ulong a = NextUInt32();
        ulong b = NextUInt32();
        return ((a << 32 | b) >> 11) * (1.0 / (1UL << 53));
    }
}
