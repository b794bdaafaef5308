namespace Eoi.Backends.Cpu.Tests.Support;

/// <summary>Runs the GEMM for T on seeded data and holds every element to the dot-product bound.</summary>
internal static class GemmCheck
{
    public static void AgainstReference<T>(bool transposeA, bool transposeB, int m, int n, int k, double beta, int seed,
        int maxDegreeOfParallelism = -1) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        double[] a = TestData.Uniform(m * k, seed), b = TestData.Uniform(k * n, seed + 1);
        // With beta = 0 the kernel must not read C: NaN there would show up in the result.
        double[] before = beta == 0 ? Enumerable.Repeat(double.NaN, m * n).ToArray() : TestData.Uniform(m * n, seed + 2);
        T[] c = TestData.As<T>(before);
        Kernels<T>.Gemm(transposeA, transposeB, m, n, k, TestData.As<T>(a), TestData.As<T>(b), c, beta, maxDegreeOfParallelism);
        double u = Tolerances.UnitRoundoff<T>();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                var (value, magnitude) = Reference.GemmElement(transposeA, transposeB, m, n, k, a, b, before[i * n + j], beta, i, j);
                Expect.Within(double.CreateChecked(c[i * n + j]), value, Tolerances.Dot(k, magnitude, u),
                    $"{typeof(T).Name} C[{i},{j}] of {(transposeA ? "A^T" : "A")}*{(transposeB ? "B^T" : "B")} {m}x{n}x{k} beta {beta}");
            }
    }
}
