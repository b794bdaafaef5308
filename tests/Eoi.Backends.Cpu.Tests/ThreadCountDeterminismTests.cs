using Eoi.Backends.Cpu.Kernels;
using Eoi.Backends.Cpu.Tests.Support;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>The output is a function of the inputs alone: 1, 2 or 3 threads (and all cores) give the same
/// bits, because the work items and each element's summation order are fixed by the shape. Every problem
/// here is above the size below which the kernels stay on one thread.</summary>
public class ThreadCountDeterminismTests
{
    static readonly int[] Parallelism = [1, 2, 3, -1];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void GemmBitsDoNotDependOnThreads(bool transposeA, bool transposeB)
    {
        const int m = 250, n = 530, k = 600;
        Assert.True(2L * m * n * k >= GemmBlocking.ShareAboveFlops, "the product would stay on one thread");
        float[] a = TestData.ToFloat(TestData.Uniform(m * k, 1)), b = TestData.ToFloat(TestData.Uniform(k * n, 2));
        float[]? first = null;
        foreach (int threads in Parallelism)
        {
            var c = new float[m * n];
            Cpu.Kernels.Gemm.Multiply(transposeA, transposeB, m, n, k, a, b, c, 0f, threads);
            first ??= c;
            Expect.BitwiseEqual<float>(c, first, $"GEMM with {threads} threads");
        }
    }

    [Fact]
    public void SpmmBitsDoNotDependOnThreads()
    {
        Csr a = TestData.RandomCsr(2000, 300, 0.1, seed: 8);
        const int n = 100;
        AssertShared(a.NonZeros, n);
        float[] values = TestData.ToFloat(a.Values), b = TestData.ToFloat(TestData.Uniform(a.Cols * n, 2));
        float[]? first = null;
        foreach (int threads in Parallelism)
        {
            var c = new float[a.Rows * n];
            Kernels<float>.Spmm(a, n, values, b, c, 0, threads);
            first ??= c;
            Expect.BitwiseEqual<float>(c, first, $"SpMM with {threads} threads");
        }
    }

    [Fact]
    public void SddmmBitsDoNotDependOnThreads()
    {
        Csr pattern = TestData.RandomCsr(2000, 300, 0.1, seed: 9);
        const int n = 130;
        AssertShared(pattern.NonZeros, n);
        float[] x = TestData.ToFloat(TestData.Uniform(pattern.Rows * n, 1)), y = TestData.ToFloat(TestData.Uniform(pattern.Cols * n, 2));
        float[]? first = null;
        foreach (int threads in Parallelism)
        {
            var output = new float[pattern.NonZeros];
            Kernels<float>.Sddmm(pattern, n, x, y, output, threads);
            first ??= output;
            Expect.BitwiseEqual<float>(output, first, $"SDDMM with {threads} threads");
        }
    }

    static void AssertShared(int storedEntries, int n)
        => Assert.True(SparseWork.Threads(-1, storedEntries, n) > 1 || Environment.ProcessorCount == 1, "the rows would stay on one thread");
}
