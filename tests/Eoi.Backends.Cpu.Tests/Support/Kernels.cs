using Eoi.Backends.Cpu.Kernels;

namespace Eoi.Backends.Cpu.Tests.Support;

/// <summary>Calls the public float or double overload for a generic T, so one test body covers both.</summary>
internal static class Kernels<T> where T : System.Numerics.IFloatingPointIeee754<T>
{
    public static void Gemm(bool transposeA, bool transposeB, int m, int n, int k, T[] a, T[] b, T[] c, double beta, int maxDegreeOfParallelism = -1)
    {
        if (a is float[] af)
            Cpu.Kernels.Gemm.Multiply(transposeA, transposeB, m, n, k, af, (float[])(object)b, (float[])(object)c, (float)beta, maxDegreeOfParallelism);
        else
            Cpu.Kernels.Gemm.Multiply(transposeA, transposeB, m, n, k, (double[])(object)a, (double[])(object)b, (double[])(object)c, beta, maxDegreeOfParallelism);
    }

    public static void Spmm(Csr a, int n, T[] values, T[] b, T[] c, double beta, int maxDegreeOfParallelism = -1)
    {
        if (values is float[] vf)
            SparseKernels.Spmm(a.Rows, n, a.Cols, a.RowOffsets, a.ColumnIndices, vf, (float[])(object)b, (float[])(object)c, (float)beta, maxDegreeOfParallelism);
        else
            SparseKernels.Spmm(a.Rows, n, a.Cols, a.RowOffsets, a.ColumnIndices, (double[])(object)values, (double[])(object)b, (double[])(object)c, beta, maxDegreeOfParallelism);
    }

    public static void Sddmm(Csr pattern, int n, T[] x, T[] y, T[] output, int maxDegreeOfParallelism = -1)
    {
        if (x is float[] xf)
            SparseKernels.Sddmm(pattern.Rows, pattern.Cols, n, pattern.RowOffsets, pattern.ColumnIndices, xf, (float[])(object)y, (float[])(object)output, maxDegreeOfParallelism);
        else
            SparseKernels.Sddmm(pattern.Rows, pattern.Cols, n, pattern.RowOffsets, pattern.ColumnIndices, (double[])(object)x, (double[])(object)y, (double[])(object)output, maxDegreeOfParallelism);
    }
}
