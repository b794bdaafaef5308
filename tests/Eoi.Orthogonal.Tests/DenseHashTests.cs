using Eoi.Orthogonal.Testing;

namespace Eoi.Orthogonal.Tests;

public class DenseHashTests
{
    [Fact]
    public void NegativeZeroHashesLikePositiveZero() =>
        Assert.Equal(DenseHash.Sha256([1.0, 0.0, -2.5]), DenseHash.Sha256([1.0, -0.0, -2.5]));

    [Fact]
    public void HashIsOfLittleEndianFloat64Bytes()
    {
        // SHA-256 of the eight bytes 00 00 00 00 00 00 f0 3f (1.0), as `hashlib.sha256(np.float64(1).tobytes())`.
        Assert.Equal(System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                         [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf0, 0x3f])),
                     DenseHash.Sha256([1.0]));
        Assert.NotEqual(DenseHash.Sha256([1.0, 2.0]), DenseHash.Sha256([2.0, 1.0]));
    }
}
