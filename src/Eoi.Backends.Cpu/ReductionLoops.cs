using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Eoi.Backends.Cpu.Kernels;

namespace Eoi.Backends.Cpu;

/// <summary>Sums along the middle axis of [outer, reduced, inner] and the broadcast back. Each output's sum
/// runs in double in an order fixed by the layout, and rows are shared among threads only whole, so the bits
/// do not depend on the thread count.</summary>
static class ReductionLoops
{
    /// <summary>Below this many elements a reduction runs on the calling thread: a hand-off to the pool costs
    /// 5-20 us, about as long as summing 2^16 floats on one core.</summary>
    public const int ShareAboveElements = 1 << 16;

    public static unsafe void SumAxis<T>(ReductionLayout layout, double scale, ReadOnlySpan<T> x, Span<T> y, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int reduced = layout.Reduced, inner = layout.Inner, rowLength = reduced * inner;
        if (layout.Outer == 0 || inner == 0) return;
        fixed (T* xFixed = x, yFixed = y)
        {
            T* px = xFixed, py = yFixed;
            int threads = FixedPartition.Threads(maxDegreeOfParallelism, layout.Length >= ShareAboveElements);
            FixedPartition.Run(layout.Outer, threads, o =>
                ColumnSums(reduced, inner, scale, new ReadOnlySpan<T>(px + (long)o * rowLength, rowLength), new Span<T>(py + (long)o * inner, inner)));
        }
    }

    /// <summary>sums[c] = scale * (column c of a [rows, columns] matrix summed top to bottom in double); a
    /// single column is one run, summed by <see cref="LayoutLoops.SumAsDouble"/>.</summary>
    public static void ColumnSums<T>(int rows, int columns, double scale, ReadOnlySpan<T> matrix, Span<T> sums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (columns == 1)
        {
            sums[0] = T.CreateTruncating(scale * LayoutLoops.SumAsDouble(matrix));
            return;
        }
        const int StackLimit = 1024;
        double[]? rented = columns > StackLimit ? ArrayPool<double>.Shared.Rent(columns) : null;
        Span<double> total = rented is null ? stackalloc double[columns] : rented.AsSpan(0, columns);
        total.Clear();
        AccumulateRows(rows, columns, matrix, total);
        for (int c = 0; c < columns; c++) sums[c] = T.CreateTruncating(scale * total[c]);
        if (rented is not null) ArrayPool<double>.Shared.Return(rented);
    }

    /// <summary>total[c] += every row's element c, row after row in double, eight columns at a time (each
    /// column's order is still top to bottom).</summary>
    public static void AccumulateRows<T>(int rows, int columns, ReadOnlySpan<T> matrix, Span<double> total)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
        {
            var row = matrix.Slice(r * columns, columns);
            int c = 0;
            for (; c + 8 <= columns; c += 8)
            {
                var (low, high) = LayoutLoops.WidenEight(row.Slice(c, 8));
                (Vector256.Create(total.Slice(c, 4)) + low).CopyTo(total.Slice(c, 4));
                (Vector256.Create(total.Slice(c + 4, 4)) + high).CopyTo(total.Slice(c + 4, 4));
            }
            for (; c < columns; c++) total[c] += double.CreateTruncating(row[c]);
        }
    }

    /// <summary>y[o, r, :] = scale * x[o, :], scale rounded to T.</summary>
    public static void BroadcastAxis<T>(ReductionLayout layout, double scale, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int inner = layout.Inner;
        var factor = T.CreateTruncating(scale);
        for (int o = 0; o < layout.Outer; o++)
        {
            var source = x.Slice(o * inner, inner);
            for (int r = 0; r < layout.Reduced; r++)
            {
                var destination = y.Slice((o * layout.Reduced + r) * inner, inner);
                if (factor == T.One) source.CopyTo(destination);
                else TensorPrimitives.Multiply(source, factor, destination);
            }
        }
    }
}
