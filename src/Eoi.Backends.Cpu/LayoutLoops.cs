using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Eoi.Backends.Cpu;

/// <summary>Data movement and per-channel bias: transpose, gather, bias add and its gradient.</summary>
static class LayoutLoops
{
    /// <summary>Tile edge for the transpose: a 32 x 32 tile of doubles (8 KiB) stays in L1 for both sides.</summary>
    const int TransposeTile = 32;

    public static void Transpose<T>(int rows, int cols, ReadOnlySpan<T> source, Span<T> destination)
    {
        for (int r0 = 0; r0 < rows; r0 += TransposeTile)
            for (int c0 = 0; c0 < cols; c0 += TransposeTile)
            {
                int rEnd = Math.Min(r0 + TransposeTile, rows), cEnd = Math.Min(c0 + TransposeTile, cols);
                for (int r = r0; r < rEnd; r++)
                    for (int c = c0; c < cEnd; c++)
                        destination[c * rows + r] = source[r * cols + c];
            }
    }

    public static void Gather<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> indices, Span<T> destination)
    {
        for (int q = 0; q < indices.Length; q++) destination[q] = source[indices[q]];
    }

    public static void BiasAdd<T>(int outer, int channels, int inner, ReadOnlySpan<T> x, ReadOnlySpan<T> bias, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rowLength = channels * inner;
        for (int o = 0; o < outer; o++)
        {
            var xRow = x.Slice(o * rowLength, rowLength);
            var yRow = y.Slice(o * rowLength, rowLength);
            if (inner == 1)
            {
                TensorPrimitives.Add(xRow, bias[..channels], yRow);
                continue;
            }
            for (int c = 0; c < channels; c++)
                TensorPrimitives.Add(xRow.Slice(c * inner, inner), bias[c], yRow.Slice(c * inner, inner));
        }
    }

    /// <summary>Sums in double, in an order fixed by the shape alone, so the bits are the same on every machine
    /// whatever its vector width, and float32 sums over a whole batch of pixels keep their precision. With one
    /// element per channel and row ([batch, features]) each channel's column is summed row after row; with
    /// runs of elements (feature-major [features, batch] or [N, C, H, W]) each run is summed by
    /// <see cref="SumAsDouble"/> and the runs row after row.</summary>
    public static void BiasGrad<T>(int outer, int channels, int inner, ReadOnlySpan<T> dy, Span<T> dbias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (inner == 1)
        {
            ReductionLoops.ColumnSums(outer, channels, 1, dy, dbias);
            return;
        }
        for (int c = 0; c < channels; c++)
        {
            double sum = 0;
            for (int o = 0; o < outer; o++)
                sum += SumAsDouble(dy.Slice((o * channels + c) * inner, inner));
            dbias[c] = T.CreateTruncating(sum);
        }
    }

    /// <summary>A run summed in double as eight partial sums (element i goes to sum i mod 8), combined in a
    /// fixed order, then the tail of fewer than eight added in order.</summary>
    internal static double SumAsDouble<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Vector256<double> low = Vector256<double>.Zero, high = Vector256<double>.Zero;
        int i = 0;
        for (; i + 8 <= values.Length; i += 8)
        {
            var (l, h) = WidenEight(values.Slice(i, 8));
            low += l;
            high += h;
        }
        var lanes = low + high;
        double sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
        for (; i < values.Length; i++) sum += double.CreateTruncating(values[i]);
        return sum;
    }

    /// <summary>Eight float or double values as two vectors of four doubles (elements 0-3, 4-7).</summary>
    internal static (Vector256<double> Low, Vector256<double> High) WidenEight<T>(ReadOnlySpan<T> eight) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            return Vector256.Widen(Vector256.Create(MemoryMarshal.Cast<T, float>(eight)));
        var doubles = MemoryMarshal.Cast<T, double>(eight);
        return (Vector256.Create(doubles[..4]), Vector256.Create(doubles[4..]));
    }
}
