using System.Numerics;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>C[m x n] = A_csr[m x k] * B[k x n] + beta * C for one SIMD width, split over fixed blocks
/// of rows; each row is computed by one thread with the arithmetic of <see cref="SpmmRowKernel{T, TVec, TOps}"/>.</summary>
internal static unsafe class SpmmDriver<T, TVec, TOps>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVec : struct
    where TOps : struct, ISimdOps<TVec, T>
{
    /// <summary>Requires a validated CSR matrix and b, c sized for m, n, k.</summary>
    public static void Run(int m, int n, int* rowOffsets, int* columnIndices, T* values, T* b, T* c, T beta, int maxDegreeOfParallelism)
    {
        var job = new SpmmJob(m, n, rowOffsets, columnIndices, values, b, c, beta);
        FixedPartition.Run(SparseWork.Items(m), SparseWork.Threads(maxDegreeOfParallelism, rowOffsets[m] - rowOffsets[0], n), job.RowBlock);
    }

    sealed class SpmmJob(int m, int n, int* rowOffsets, int* columnIndices, T* values, T* b, T* c, T beta)
    {
        public void RowBlock(int item)
        {
            int end = Math.Min(m, (item + 1) * SparseWork.RowsPerItem);
            for (int r = item * SparseWork.RowsPerItem; r < end; r++)
            {
                int start = rowOffsets[r];
                var row = new CsrRow<T>(columnIndices + start, values + start, rowOffsets[r + 1] - start);
                T* cRow = c + (long)r * n;
                int column = SpmmRowKernel<T, TVec, TOps>.Run(row, b, cRow, n, 0, beta);
                SpmmRowKernel<T, T, ScalarOps<T>>.Run(row, b, cRow, n, column, beta);
            }
        }
    }
}
