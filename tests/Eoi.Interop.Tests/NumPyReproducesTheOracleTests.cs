using System.Globalization;
using System.Security.Cryptography;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Interop.Tests;

/// <summary>The NumPy script of interop/python reproduces the RNG and the EOI matrices bit for bit.</summary>
public class NumPyReproducesTheOracleTests
{
    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(0xDEADBEEFCAFEF00DUL)]
    public void RawWords(ulong seed)
    {
        var stream = new RandomStream(RngKey.FromSeed(seed));
        string expected = string.Join(' ', Enumerable.Range(0, 11).Select(_ => stream.NextUInt32()));
        Assert.Equal(expected, PythonReference.Run("words", seed.ToString(CultureInfo.InvariantCulture), "11")[0]);
    }

    [Theory]
    [InlineData(1UL, 7u)]
    [InlineData(42UL, 784u)]
    [InlineData(3UL, 3000000001u)] // rejection happens often near 2^32 / 1.4
    public void BoundedIntegersAndDoubles(ulong seed, uint bound)
    {
        var stream = new RandomStream(RngKey.FromSeed(seed));
        string ints = string.Join(' ', Enumerable.Range(0, 64).Select(_ => stream.NextBelow(bound)));
        string doubles = string.Join(' ', Enumerable.Range(0, 64).Select(_ => HexFloat(stream.NextDouble())));
        var lines = PythonReference.Run("draws", seed.ToString(CultureInfo.InvariantCulture), "64", bound.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(ints, lines[0]);
        Assert.Equal(doubles, lines[1]);
    }

    [Fact]
    public void SplitKeys()
    {
        var child = RngKey.FromSeed(5).Split(3);
        Assert.Equal($"{child.K0} {child.K1}", PythonReference.Run("split", "5", "3")[0]);
    }

    [Theory]
    [InlineData(100, 784, 0.1, 1UL)]
    [InlineData(784, 100, 0.1, 1UL)]
    [InlineData(30, 30, 0.5, 7UL)]
    [InlineData(1, 17, 1.0, 2UL)]
    [InlineData(64, 16, 0.0625, 9UL)]
    public void EoiMatrices(int rows, int cols, double density, ulong seed)
    {
        var m = SparseOrthogonal.Generate(rows, cols, density, RngKey.FromSeed(seed));
        var bytes = new byte[m.ToDense().Data.Length * sizeof(double)];
        Buffer.BlockCopy(m.ToDense().Data.ToArray(), 0, bytes, 0, bytes.Length);
        string expected = $"{m.Plan.Rotations.Count} {m.Plan.NonZeros} {Convert.ToHexStringLower(SHA256.HashData(bytes))}";
        var args = new[] { rows, cols }.Select(x => x.ToString(CultureInfo.InvariantCulture))
            .Append(density.ToString("R", CultureInfo.InvariantCulture)).Append(seed.ToString(CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected, PythonReference.Run(["eoi", .. args])[0]);
    }

    [Fact]
    public void GoldenVectors()
    {
        string golden = Path.Combine(Path.GetDirectoryName(PythonReference.Script)!, "..", "..", "tests", "Eoi.Orthogonal.Tests", "Golden", "golden-vectors.json");
        var lines = PythonReference.Run("golden", Path.GetFullPath(golden));
        Assert.True(lines.Length >= 12, string.Join('\n', lines));
        Assert.All(lines, line => Assert.StartsWith("ok", line));
    }

    // Python's float.hex format, e.g. 0x1.bf8b997cf380fp-1 (all values here are in (0, 1) or 0).
    static string HexFloat(double v)
    {
        if (v == 0) return "0x0.0p+0";
        long bits = BitConverter.DoubleToInt64Bits(v);
        int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        return $"0x1.{mantissa:x13}p{exponent.ToString("+0;-0", CultureInfo.InvariantCulture)}";
    }
}
