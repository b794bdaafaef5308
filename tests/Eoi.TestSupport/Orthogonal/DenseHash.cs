using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Eoi.Orthogonal.Testing;

/// <summary>The fingerprint the golden vectors use for an array of values.</summary>
public static class DenseHash
{
    /// <summary>
    /// SHA-256 (lowercase hex) of the values as row-major little-endian float64 bytes, after v + 0.0, which
    /// turns -0.0 into +0.0 and leaves every other value alone: an implementation that rotates a dense matrix
    /// produces -0.0 where this one stores nothing, and the hash must not tell the two apart.
    /// </summary>
    public static string Sha256(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (int k = 0; k < values.Length; k++)
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(k * sizeof(double)), values[k] + 0.0);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
