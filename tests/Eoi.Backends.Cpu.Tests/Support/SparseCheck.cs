namespace Eoi.Backends.Cpu.Tests.Support;

/// <summary>Runs SpMM / SDDMM for T on seeded data and holds every element to the dot-product bound.</summary>
internal static class SparseCheck
{
    public static void SpmmAgainstReference<T>(Csr a, int n, double beta, int seed, int maxDegreeOfParallelism = -1)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        double[] b = TestData.Uniform(a.Cols * n, seed);
        double[] before = beta == 0 ? Enumerable.Repeat(double.NaN, a.Rows * n).ToArray() : TestData.Uniform(a.Rows * n, seed + 1);
        T[] c = TestData.As<T>(before);
        Kernels<T>.Spmm(a, n, TestData.As<T>(a.Values), TestData.As<T>(b), c, beta, maxDegreeOfParallelism);
        double u = Tolerances.UnitRoundoff<T>();
        for (int i = 0; i < a.Rows; i++)
        {
            int rowLength = a.RowOffsets[i + 1] - a.RowOffsets[i];
            for (int j = 0; j < n; j++)
            {
                var (value, magnitude) = Reference.SpmmElement(a, n, b, before[i * n + j], beta, i, j);
                Expect.Within(double.CreateChecked(c[i * n + j]), value, Tolerances.Dot(rowLength, magnitude, u),
                    $"{typeof(T).Name} SpMM C[{i},{j}] of {a.Rows}x{a.Cols} ({a.NonZeros} stored) x {n} columns, beta {beta}");
            }
        }
    }

    public static void SddmmAgainstReference<T>(Csr pattern, int n, int seed, int maxDegreeOfParallelism = -1)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        double[] x = TestData.Uniform(pattern.Rows * n, seed), y = TestData.Uniform(pattern.Cols * n, seed + 1);
        T[] output = TestData.As<T>(Enumerable.Repeat(double.NaN, pattern.NonZeros).ToArray());
        Kernels<T>.Sddmm(pattern, n, TestData.As<T>(x), TestData.As<T>(y), output, maxDegreeOfParallelism);
        double u = Tolerances.UnitRoundoff<T>();
        for (int r = 0; r < pattern.Rows; r++)
            for (int p = pattern.RowOffsets[r]; p < pattern.RowOffsets[r + 1]; p++)
            {
                var (value, magnitude) = Reference.Dot(x, r, y, pattern.ColumnIndices[p], n);
                Expect.Within(double.CreateChecked(output[p]), value, Tolerances.Dot(n, magnitude, u),
                    $"{typeof(T).Name} SDDMM value {p} at ({r},{pattern.ColumnIndices[p]}), n {n}");
            }
    }
}
