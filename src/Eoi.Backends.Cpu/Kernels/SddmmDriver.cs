using System.Numerics;
using System.Runtime.CompilerServices;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// SDDMM for one SIMD width: for every stored position p = (r, col), out[p] = dot(X[r, :], Y[col, :]),
/// split over fixed blocks of rows. The dot keeps four vector partial sums, combines them as
/// (s0 + s1) + (s2 + s3), sums the lanes, then adds the scalar tail in order: fixed for a given width,
/// but (as any SIMD reduction) not the same bits across widths.
/// </summary>
internal static unsafe class SddmmDriver<T, TVec, TOps>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVec : struct
    where TOps : struct, ISimdOps<TVec, T>
{
    /// <summary>Requires a validated CSR pattern and x, y sized [rows x n], [cols x n].</summary>
    public static void Run(int rows, int n, int* rowOffsets, int* columnIndices, T* x, T* y, T* output, int maxDegreeOfParallelism)
    {
        var job = new SddmmJob(rows, n, rowOffsets, columnIndices, x, y, output);
        FixedPartition.Run(SparseWork.Items(rows), SparseWork.Threads(maxDegreeOfParallelism, rowOffsets[rows] - rowOffsets[0], n), job.RowBlock);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static T Dot(T* left, T* right, int n)
    {
        int w = TOps.Count, i = 0;
        TVec s0 = TOps.Zero, s1 = TOps.Zero, s2 = TOps.Zero, s3 = TOps.Zero;
        for (; i + 4 * w <= n; i += 4 * w)
        {
            s0 = TOps.MultiplyAdd(TOps.Load(left + i), TOps.Load(right + i), s0);
            s1 = TOps.MultiplyAdd(TOps.Load(left + i + w), TOps.Load(right + i + w), s1);
            s2 = TOps.MultiplyAdd(TOps.Load(left + i + 2 * w), TOps.Load(right + i + 2 * w), s2);
            s3 = TOps.MultiplyAdd(TOps.Load(left + i + 3 * w), TOps.Load(right + i + 3 * w), s3);
        }
        for (; i + w <= n; i += w)
            s0 = TOps.MultiplyAdd(TOps.Load(left + i), TOps.Load(right + i), s0);
        T sum = TOps.Sum(TOps.Add(TOps.Add(s0, s1), TOps.Add(s2, s3)));
        for (; i < n; i++)
            sum = FusedMultiplyAdd.Scalar(left[i], right[i], sum);
        return sum;
    }

    sealed class SddmmJob(int rows, int n, int* rowOffsets, int* columnIndices, T* x, T* y, T* output)
    {
        public void RowBlock(int item)
        {
            int end = Math.Min(rows, (item + 1) * SparseWork.RowsPerItem);
            for (int r = item * SparseWork.RowsPerItem; r < end; r++)
            {
                T* xRow = x + (long)r * n;
                for (int p = rowOffsets[r]; p < rowOffsets[r + 1]; p++)
                    output[p] = Dot(xRow, y + (long)columnIndices[p] * n, n);
            }
        }
    }
}
