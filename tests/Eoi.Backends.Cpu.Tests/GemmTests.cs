using Eoi.Backends.Cpu.Tests.Support;

namespace Eoi.Backends.Cpu.Tests;

public class GemmTests
{
    /// <summary>Odd and threshold-crossing shapes (blocking: Kc 256, Mc 120, Nb 512, Nc 2048, McOuter 2880;
    /// register tile 6 rows x 2..32 columns), each with every transpose combination.</summary>
    public static TheoryData<bool, bool, int, int, int, double> Shapes()
    {
        (int M, int N, int K, double Beta)[] shapes =
        [
            (1, 1, 1, 0), (1, 1, 300, 1), (1, 33, 1, 0), (1, 64, 17, -0.5), (33, 1, 5, 0), (7, 1, 513, 1),
            (17, 31, 65, 0), (17, 31, 65, 0.75), (6, 32, 256, 0), (12, 64, 256, 1), (121, 65, 257, -1.25),
            (5, 2049, 3, 0.5), (2881, 3, 2, 0), (50, 130, 520, 0),
        ];
        var data = new TheoryData<bool, bool, int, int, int, double>();
        foreach (var (m, n, k, beta) in shapes)
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    data.Add(ta, tb, m, n, k, beta);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float32MatchesReference(bool transposeA, bool transposeB, int m, int n, int k, double beta)
        => GemmCheck.AgainstReference<float>(transposeA, transposeB, m, n, k, beta, seed: m * 7919 + n * 31 + k);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float64MatchesReference(bool transposeA, bool transposeB, int m, int n, int k, double beta)
        => GemmCheck.AgainstReference<double>(transposeA, transposeB, m, n, k, beta, seed: m * 7919 + n * 31 + k);

    /// <summary>Every tile-edge combination: rows 1..13 (two 6-row tiles and one more), columns 1..65 (two
    /// 32-wide AVX-512 tiles and one more, which also covers the 16-, 8- and 2-wide tiles).</summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void EveryEdgeTileMatchesReference(bool transposeA, bool transposeB)
    {
        for (int m = 1; m <= 13; m++)
            for (int n = 1; n <= 65; n++)
            {
                GemmCheck.AgainstReference<float>(transposeA, transposeB, m, n, 3, 0.5, seed: m * 100 + n);
                GemmCheck.AgainstReference<double>(transposeA, transposeB, m, n, 2, 0, seed: m * 100 + n);
            }
    }

    [Fact]
    public void ZeroDepthScalesC()
    {
        float[] c = [1, -2, 3, float.NaN];
        Cpu.Kernels.Gemm.Multiply(false, false, 2, 2, 0, [], [], c, 0.5f);
        Assert.Equal([0.5f, -1f, 1.5f, float.NaN], c);
        Cpu.Kernels.Gemm.Multiply(false, false, 2, 2, 0, [], [], c, 0f);
        Assert.Equal([0f, 0f, 0f, 0f], c);
    }

    [Fact]
    public void EmptyOutputIsANoOp()
    {
        Cpu.Kernels.Gemm.Multiply(false, false, 0, 5, 3, [], new float[15], [], 0f);
        Cpu.Kernels.Gemm.Multiply(true, true, 4, 0, 3, new double[12], [], [], 1.0);
    }
}
