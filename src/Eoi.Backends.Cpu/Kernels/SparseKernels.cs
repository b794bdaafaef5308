using System.Numerics;
using System.Runtime.Intrinsics;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// Products with a sparse matrix in CSR form: rowOffsets (rows + 1), columnIndices (sorted per row) and
/// values (one per stored position, at rowOffsets[r] .. rowOffsets[r + 1]). Dense operands are row-major.
/// </summary>
/// <remarks>
/// Spmm gives the same bits at every SIMD width and thread count (per-element fused chains over the
/// stored entries in order); Sddmm gives the same bits at every thread count, and its dot products, like
/// any SIMD reduction, differ in the last bits between widths.
/// </remarks>
public static class SparseKernels
{
    /// <summary>C[m x n] = A_csr[m x k] * B[k x n] + beta * C; vectorised over n. With beta = 0 C is only written.</summary>
    public static void Spmm(int m, int n, int k, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<float> values, ReadOnlySpan<float> b, Span<float> c, float beta = 0f)
        => RunSpmm(m, n, k, rowOffsets, columnIndices, values, b, c, beta, -1);

    /// <summary>The same, on at most <paramref name="maxDegreeOfParallelism"/> threads (-1: all cores); the bits do not depend on it.</summary>
    public static void Spmm(int m, int n, int k, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<float> values, ReadOnlySpan<float> b, Span<float> c, float beta, int maxDegreeOfParallelism)
        => RunSpmm(m, n, k, rowOffsets, columnIndices, values, b, c, beta, maxDegreeOfParallelism);

    public static void Spmm(int m, int n, int k, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<double> values, ReadOnlySpan<double> b, Span<double> c, double beta = 0.0)
        => RunSpmm(m, n, k, rowOffsets, columnIndices, values, b, c, beta, -1);

    /// <summary>The same, on at most <paramref name="maxDegreeOfParallelism"/> threads (-1: all cores); the bits do not depend on it.</summary>
    public static void Spmm(int m, int n, int k, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<double> values, ReadOnlySpan<double> b, Span<double> c, double beta, int maxDegreeOfParallelism)
        => RunSpmm(m, n, k, rowOffsets, columnIndices, values, b, c, beta, maxDegreeOfParallelism);

    /// <summary>For each stored position p = (r, col): outValues[p] = dot(X[r, :], Y[col, :]);
    /// X is [rows x n], Y is [cols x n].</summary>
    public static void Sddmm(int rows, int cols, int n, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> outValues)
        => RunSddmm(rows, cols, n, rowOffsets, columnIndices, x, y, outValues, -1);

    /// <summary>The same, on at most <paramref name="maxDegreeOfParallelism"/> threads (-1: all cores); the bits do not depend on it.</summary>
    public static void Sddmm(int rows, int cols, int n, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> outValues, int maxDegreeOfParallelism)
        => RunSddmm(rows, cols, n, rowOffsets, columnIndices, x, y, outValues, maxDegreeOfParallelism);

    public static void Sddmm(int rows, int cols, int n, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> outValues)
        => RunSddmm(rows, cols, n, rowOffsets, columnIndices, x, y, outValues, -1);

    /// <summary>The same, on at most <paramref name="maxDegreeOfParallelism"/> threads (-1: all cores); the bits do not depend on it.</summary>
    public static void Sddmm(int rows, int cols, int n, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> outValues, int maxDegreeOfParallelism)
        => RunSddmm(rows, cols, n, rowOffsets, columnIndices, x, y, outValues, maxDegreeOfParallelism);

    internal static unsafe void RunSpmm<T>(int m, int n, int k, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<T> values, ReadOnlySpan<T> b, Span<T> c, T beta, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CsrArguments.Validate(m, k, rowOffsets, columnIndices, values.Length, nameof(values), nameof(m), nameof(k));
        KernelArguments.NonNegative(n, nameof(n));
        KernelArguments.HasLength(b.Length, (long)k * n, nameof(b), "k * n");
        KernelArguments.HasLength(c.Length, (long)m * n, nameof(c), "m * n");
        KernelArguments.Parallelism(maxDegreeOfParallelism);
        if (m == 0 || n == 0)
            return;
        fixed (int* offsets = rowOffsets, columns = columnIndices)
        fixed (T* v = values, pb = b, pc = c)
        {
            if (Vector512Ops<T>.IsUsable)
                SpmmDriver<T, Vector512<T>, Vector512Ops<T>>.Run(m, n, offsets, columns, v, pb, pc, beta, maxDegreeOfParallelism);
            else if (Vector256Ops<T>.IsUsable)
                SpmmDriver<T, Vector256<T>, Vector256Ops<T>>.Run(m, n, offsets, columns, v, pb, pc, beta, maxDegreeOfParallelism);
            else if (Vector128Ops<T>.IsUsable)
                SpmmDriver<T, Vector128<T>, Vector128Ops<T>>.Run(m, n, offsets, columns, v, pb, pc, beta, maxDegreeOfParallelism);
            else
                SpmmDriver<T, T, ScalarOps<T>>.Run(m, n, offsets, columns, v, pb, pc, beta, maxDegreeOfParallelism);
        }
    }

    internal static unsafe void RunSddmm<T>(int rows, int cols, int n, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> outValues, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CsrArguments.Validate(rows, cols, rowOffsets, columnIndices, outValues.Length, nameof(outValues), nameof(rows), nameof(cols));
        KernelArguments.NonNegative(n, nameof(n));
        KernelArguments.HasLength(x.Length, (long)rows * n, nameof(x), "rows * n");
        KernelArguments.HasLength(y.Length, (long)cols * n, nameof(y), "cols * n");
        KernelArguments.Parallelism(maxDegreeOfParallelism);
        if (rows == 0 || rowOffsets[rows] == rowOffsets[0])
            return;
        fixed (int* offsets = rowOffsets, columns = columnIndices)
        fixed (T* px = x, py = y, output = outValues)
        {
            if (Vector512Ops<T>.IsUsable)
                SddmmDriver<T, Vector512<T>, Vector512Ops<T>>.Run(rows, n, offsets, columns, px, py, output, maxDegreeOfParallelism);
            else if (Vector256Ops<T>.IsUsable)
                SddmmDriver<T, Vector256<T>, Vector256Ops<T>>.Run(rows, n, offsets, columns, px, py, output, maxDegreeOfParallelism);
            else if (Vector128Ops<T>.IsUsable)
                SddmmDriver<T, Vector128<T>, Vector128Ops<T>>.Run(rows, n, offsets, columns, px, py, output, maxDegreeOfParallelism);
            else
                SddmmDriver<T, T, ScalarOps<T>>.Run(rows, n, offsets, columns, px, py, output, maxDegreeOfParallelism);
        }
    }
}
