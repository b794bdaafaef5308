namespace Eoi.Random;

/// <summary>
/// A 64-bit Philox key. Keys are values, never global state: every random function takes one, and
/// <see cref="Split"/> derives independent child keys for sub-tasks (JAX style), so adding a consumer
/// never shifts the draws of another.
/// </summary>
public readonly record struct RngKey(uint K0, uint K1)
{
    /// <summary>Counter word c3 used for key derivation; no stream uses it (see docs/SPEC.md).</summary>
    public const uint SplitTag = 0x4B455953; // "KEYS"

    /// <summary>The key of a seed: K0 = low 32 bits, K1 = high 32 bits.</summary>
    public static RngKey FromSeed(ulong seed) => new((uint)seed, (uint)(seed >> 32));

    /// <summary>Child key number <paramref name="index"/>: the first two words of
    /// Philox(counter = (index_lo, index_hi, 0, SplitTag), this key).</summary>
    public RngKey Split(ulong index)
    {
        var (a, b, _, _) = Philox4x32.Block((uint)index, (uint)(index >> 32), 0, SplitTag, K0, K1);
        return new RngKey(a, b);
    }

    /// <summary>"RngKey(0x0000002a, 0x00000000)": both words in hexadecimal.</summary>
    public override string ToString() => $"RngKey(0x{K0:x8}, 0x{K1:x8})";
}
