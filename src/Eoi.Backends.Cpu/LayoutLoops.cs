using System.Numerics;

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
        int p = 0;
        for (int o = 0; o < outer; o++)
            for (int c = 0; c < channels; c++)
            {
                var b = bias[c];
                for (int i = 0; i < inner; i++, p++) y[p] = x[p] + b;
            }
    }

    /// <summary>Sums in a fixed order with a double accumulator: the same bits on every machine, and float32
    /// sums over a whole batch of pixels keep their precision.</summary>
    public static void BiasGrad<T>(int outer, int channels, int inner, ReadOnlySpan<T> dy, Span<T> dbias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int c = 0; c < channels; c++)
        {
            double sum = 0;
            for (int o = 0; o < outer; o++)
            {
                var row = dy.Slice((o * channels + c) * inner, inner);
                foreach (var v in row) sum += double.CreateTruncating(v);
            }
            dbias[c] = T.CreateTruncating(sum);
        }
    }
}
