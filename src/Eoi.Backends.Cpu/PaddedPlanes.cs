using System.Numerics;
using System.Runtime.Intrinsics;

namespace Eoi.Backends.Cpu;

/// <summary>
/// The direct convolution in padded phase planes, at any stride s: each image channel is padded to
/// [Height + 2 Padding, Width + 2 Padding] (zeros or wrapped) and split into s x s phase planes, phase (r, q)
/// holding the padded rows r, r + s, ... and columns q, q + s, ... (at stride 1 the one phase is the padded
/// plane). Outputs are kept as OutHeight rows of the phase width whose columns past OutWidth are scratch.
/// Output flat index f then reads flat index f + (ki / s) PhaseWidth + kj / s of phase (ki mod s, kj mod s)
/// for tap (ki, kj), so a tap over a whole plane is one contiguous vector multiply-add or dot of
/// <see cref="Run"/> elements at every stride, instead of one short gathered run per output row (stride 2
/// went row by row and cost ResNet-20's downsampling layers 2-3x the time per multiply-add of its stride-1
/// ones; benchmarks/README.md).
/// </summary>
sealed unsafe class PaddedPlanes
{
    readonly ConvGeometry g;
    readonly int stride;
    /// <summary>[r * PhaseHeight + a]: the image row phase row a of row phase r reads, or -1 (zero padding, or
    /// past the padded plane's last row).</summary>
    readonly int[] sourceRow;
    /// <summary>[q * PhaseWidth + b]: the image column phase column b of column phase q reads, or -1.</summary>
    readonly int[] sourceColumn;

    public PaddedPlanes(ConvGeometry geometry)
    {
        g = geometry;
        stride = g.Stride;
        int paddedHeight = g.Height + 2 * g.Padding, paddedWidth = g.Width + 2 * g.Padding;
        PhaseHeight = (paddedHeight + stride - 1) / stride;
        PhaseWidth = (paddedWidth + stride - 1) / stride;
        sourceRow = Sources(PhaseHeight, paddedHeight, g.Height);
        sourceColumn = Sources(PhaseWidth, paddedWidth, g.Width);
    }

    int[] Sources(int phaseLength, int paddedLength, int imageLength)
    {
        var map = new int[stride * phaseLength];
        for (int r = 0; r < stride; r++)
            for (int a = 0; a < phaseLength; a++)
            {
                int padded = a * stride + r;
                map[r * phaseLength + a] = padded < paddedLength ? ConvolutionLoops.SourceIndex(padded - g.Padding, imageLength, g.PaddingMode) : -1;
            }
        return map;
    }

    public int PhaseHeight { get; }
    public int PhaseWidth { get; }
    int PhasePlaneLength => PhaseHeight * PhaseWidth;

    /// <summary>One channel's phase planes.</summary>
    public int PlaneLength => stride * stride * PhasePlaneLength;

    /// <summary>One output plane in the phase-width layout.</summary>
    public int OutputPlaneLength => g.OutHeight * PhaseWidth;

    /// <summary>Elements a tap touches per plane: up to the last real output column.</summary>
    public int Run => (g.OutHeight - 1) * PhaseWidth + g.OutWidth;

    public int Offset(int ki, int kj) => ((ki % stride) * stride + kj % stride) * PhasePlaneLength + ki / stride * PhaseWidth + kj / stride;

    /// <summary>padded [Channels x PlaneLength] = the image's channels, padded and split into phases.</summary>
    public void Pad<T>(T* image, T* padded) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int c = 0; c < g.Channels; c++)
            for (int r = 0; r < stride; r++)
                for (int q = 0; q < stride; q++)
                    for (int a = 0; a < PhaseHeight; a++)
                    {
                        T* row = PhaseRow(padded, c, r, q, a);
                        int ih = sourceRow[r * PhaseHeight + a];
                        if (ih < 0)
                        {
                            new Span<T>(row, PhaseWidth).Clear();
                            continue;
                        }
                        T* source = image + ((long)c * g.Height + ih) * g.Width;
                        var columns = ColumnsOf(q);
                        for (int b = 0; b < PhaseWidth; b++)
                            row[b] = columns[b] < 0 ? T.Zero : source[columns[b]];
                    }
    }

    /// <summary>output [planes, OutHeight, OutWidth] = the real columns of wide [planes, OutputPlaneLength].</summary>
    public void Narrow<T>(T* wide, T* output, int planes) where T : unmanaged
    {
        for (long row = 0; row < (long)planes * g.OutHeight; row++)
            new ReadOnlySpan<T>(wide + row * PhaseWidth, g.OutWidth).CopyTo(new Span<T>(output + row * g.OutWidth, g.OutWidth));
    }

    /// <summary>wide [planes, OutputPlaneLength] = gradient [planes, OutHeight, OutWidth], scratch columns zero
    /// (so they add nothing to what they touch).</summary>
    public void Widen<T>(T* gradient, T* wide, int planes) where T : unmanaged
    {
        for (long row = 0; row < (long)planes * g.OutHeight; row++)
        {
            new ReadOnlySpan<T>(gradient + row * g.OutWidth, g.OutWidth).CopyTo(new Span<T>(wide + row * PhaseWidth, g.OutWidth));
            new Span<T>(wide + row * PhaseWidth + g.OutWidth, PhaseWidth - g.OutWidth).Clear();
        }
    }

    /// <summary>image = every padded position added back into the element it was read from (the adjoint of
    /// <see cref="Pad{T}"/>), phases in order and each in raster order (at stride 1: the padded plane's raster order).</summary>
    public void Fold<T>(T* padded, T* image) where T : unmanaged, IFloatingPointIeee754<T>
    {
        new Span<T>(image, g.ImageLength).Clear();
        for (int c = 0; c < g.Channels; c++)
            for (int r = 0; r < stride; r++)
                for (int q = 0; q < stride; q++)
                    for (int a = 0; a < PhaseHeight; a++)
                    {
                        int ih = sourceRow[r * PhaseHeight + a];
                        if (ih < 0) continue;
                        T* row = PhaseRow(padded, c, r, q, a);
                        T* target = image + ((long)c * g.Height + ih) * g.Width;
                        var columns = ColumnsOf(q);
                        for (int b = 0; b < PhaseWidth; b++)
                            if (columns[b] >= 0) target[columns[b]] += row[b];
                    }
    }

    T* PhaseRow<T>(T* padded, int c, int r, int q, int a) where T : unmanaged =>
        padded + (long)c * PlaneLength + (r * stride + q) * PhasePlaneLength + a * PhaseWidth;

    /// <summary>The column map of column phase q.</summary>
    ReadOnlySpan<int> ColumnsOf(int q) => sourceColumn.AsSpan(q * PhaseWidth, PhaseWidth);

    /// <summary>y[0..n) += w * x[0..n): 512-bit vectors where the CPU has them (Vector&lt;T&gt; stays 256 bits
    /// wide), then 256-bit ones, then the tail; every element gets the same two roundings either way.</summary>
    public static void Axpy<T>(T w, T* x, T* y, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var scale = Vector512.Create(w);
            for (; j <= n - Vector512<T>.Count; j += Vector512<T>.Count)
                (Vector512.Load(y + j) + scale * Vector512.Load(x + j)).Store(y + j);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var scale = Vector256.Create(w);
            for (; j <= n - Vector256<T>.Count; j += Vector256<T>.Count)
                (Vector256.Load(y + j) + scale * Vector256.Load(x + j)).Store(y + j);
        }
        for (; j < n; j++)
            y[j] += w * x[j];
    }

    /// <summary>The sum of a[i] * b[i] over n elements: vector partial sums, then the tail in order.</summary>
    public static T Dot<T>(T* a, T* b, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var lanes = Vector<T>.Zero;
        int j = 0;
        if (Vector.IsHardwareAccelerated)
            for (; j <= n - Vector<T>.Count; j += Vector<T>.Count)
                lanes += Vector.Load(a + j) * Vector.Load(b + j);
        T sum = Vector.Sum(lanes);
        for (; j < n; j++)
            sum += a[j] * b[j];
        return sum;
    }
}
