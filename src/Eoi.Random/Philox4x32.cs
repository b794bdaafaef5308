namespace Eoi.Random;

/// <summary>
/// The Philox4x32-10 block function of Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as
/// 1, 2, 3" (SC 2011): a keyed bijection of a 128-bit counter. It is stateless and uses only 32x32->64-bit
/// multiplies, xors and additions, so every language reproduces it bit for bit (docs/SPEC.md).
/// </summary>
public static class Philox4x32
{
    /// <summary>The round multiplier of the first counter word (Salmon et al., Table 2).</summary>
    public const uint M0 = 0xD2511F53;
    /// <summary>The round multiplier of the third counter word.</summary>
    public const uint M1 = 0xCD9E8D57;
    /// <summary>The Weyl increment of the first key word per round (the golden ratio's 32 fraction bits).</summary>
    public const uint W0 = 0x9E3779B9;
    /// <summary>The Weyl increment of the second key word per round (√3 − 1's 32 fraction bits).</summary>
    public const uint W1 = 0xBB67AE85;
    /// <summary>The number of rounds: the "-10" of Philox4x32-10.</summary>
    public const int Rounds = 10;

    /// <summary>Encrypts counter (c0..c3) under key (k0, k1).</summary>
    public static (uint, uint, uint, uint) Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (int round = 0; round < Rounds; round++)
        {
            if (round > 0) { k0 += W0; k1 += W1; }
            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0;
            uint hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0);
        }
        return (c0, c1, c2, c3);
    }
}
