using Eoi.Backends.Cpu.Kernels;
using Eoi.Backends.Cpu.Tests.Support;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>
/// Every SIMD path this machine can run, checked against the reference and, where the arithmetic is
/// lane-wise (GEMM, SpMM), against the scalar path bit for bit: all widths fuse multiply-add under the
/// same condition and GEMM sums k in the same Kc blocks, so nothing but the width differs.
/// </summary>
public class WidthAgreementTests
{
    [Theory]
    [InlineData(SimdWidth.Vector512)]
    [InlineData(SimdWidth.Vector256)]
    [InlineData(SimdWidth.Vector128)]
    public void GemmGivesTheScalarBits(SimdWidth width)
    {
        Widths.SkipUnlessAvailable(width);
        foreach (var (ta, tb) in new[] { (false, false), (false, true), (true, false), (true, true) })
        {
            AssertGemmAgrees<float>(width, new GemmShape(ta, tb, 37, 71, 300), 0.5f);
            AssertGemmAgrees<double>(width, new GemmShape(ta, tb, 13, 35, 260), 0.0);
        }
    }

    [Theory]
    [InlineData(SimdWidth.Vector512)]
    [InlineData(SimdWidth.Vector256)]
    [InlineData(SimdWidth.Vector128)]
    [InlineData(SimdWidth.Scalar)]
    public void GemmMatchesReference(SimdWidth width)
    {
        Widths.SkipUnlessAvailable(width);
        foreach (var (ta, tb) in new[] { (false, false), (false, true), (true, false), (true, true) })
        {
            var shape = new GemmShape(ta, tb, 19, 45, 270);
            double[] a = TestData.Uniform(shape.M * shape.K, 1), b = TestData.Uniform(shape.K * shape.N, 2);
            var c = new float[shape.M * shape.N];
            Widths.Gemm(width, shape, TestData.ToFloat(a), TestData.ToFloat(b), c, 0f, -1);
            for (int i = 0; i < shape.M; i++)
                for (int j = 0; j < shape.N; j++)
                {
                    var (value, magnitude) = Reference.GemmElement(ta, tb, shape.M, shape.N, shape.K, a, b, 0, 0, i, j);
                    Expect.Within(c[i * shape.N + j], value, Tolerances.Dot(shape.K, magnitude, Tolerances.UnitRoundoff32), $"{width} {shape} C[{i},{j}]");
                }
        }
    }

    [Theory]
    [InlineData(SimdWidth.Vector512)]
    [InlineData(SimdWidth.Vector256)]
    [InlineData(SimdWidth.Vector128)]
    public void SpmmGivesTheScalarBits(SimdWidth width)
    {
        Widths.SkipUnlessAvailable(width);
        Csr a = TestData.RandomCsr(23, 40, 0.3, seed: 3);
        for (int n = 1; n <= 140; n += 3)
        {
            float[] values = TestData.ToFloat(a.Values), b = TestData.ToFloat(TestData.Uniform(a.Cols * n, n));
            float[] before = TestData.ToFloat(TestData.Uniform(a.Rows * n, n + 1));
            float[] scalar = (float[])before.Clone(), vector = (float[])before.Clone();
            Widths.Spmm(SimdWidth.Scalar, a, n, values, b, scalar, -0.75f);
            Widths.Spmm(width, a, n, values, b, vector, -0.75f);
            Expect.BitwiseEqual<float>(vector, scalar, $"SpMM {width} n {n}");
        }
    }

    [Theory]
    [InlineData(SimdWidth.Vector512)]
    [InlineData(SimdWidth.Vector256)]
    [InlineData(SimdWidth.Vector128)]
    [InlineData(SimdWidth.Scalar)]
    public void SddmmMatchesReference(SimdWidth width)
    {
        Widths.SkipUnlessAvailable(width);
        Csr pattern = TestData.RandomCsr(15, 21, 0.3, seed: 4);
        for (int n = 1; n <= 140; n += 3)
        {
            double[] x = TestData.Uniform(pattern.Rows * n, n), y = TestData.Uniform(pattern.Cols * n, n + 1);
            var output = new double[pattern.NonZeros];
            Widths.Sddmm(width, pattern, n, x, y, output);
            for (int r = 0; r < pattern.Rows; r++)
                for (int p = pattern.RowOffsets[r]; p < pattern.RowOffsets[r + 1]; p++)
                {
                    var (value, magnitude) = Reference.Dot(x, r, y, pattern.ColumnIndices[p], n);
                    Expect.Within(output[p], value, Tolerances.Dot(n, magnitude, Tolerances.UnitRoundoff64), $"SDDMM {width} n {n} value {p}");
                }
        }
    }

    static void AssertGemmAgrees<T>(SimdWidth width, GemmShape shape, T beta) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        T[] a = TestData.As<T>(TestData.Uniform(shape.M * shape.K, 11)), b = TestData.As<T>(TestData.Uniform(shape.K * shape.N, 12));
        T[] before = TestData.As<T>(TestData.Uniform(shape.M * shape.N, 13));
        T[] scalar = (T[])before.Clone(), vector = (T[])before.Clone();
        Widths.Gemm(SimdWidth.Scalar, shape, a, b, scalar, beta, -1);
        Widths.Gemm(width, shape, a, b, vector, beta, -1);
        Expect.BitwiseEqual<T>(vector, scalar, $"{typeof(T).Name} GEMM {width} {shape}");
    }
}
