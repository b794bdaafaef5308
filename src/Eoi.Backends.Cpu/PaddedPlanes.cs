using System.Numerics;

namespace Eoi.Backends.Cpu;

/// <summary>
/// The direct convolution at stride 1 in padded planes: each image channel is copied into a
/// [Height + 2 Padding, Width + 2 Padding] plane with its padding filled in (zeros or wrapped), and outputs
/// are kept as OutHeight rows of the padded width whose last 2 Padding - KernelWidth + 1 columns are scratch.
/// Output flat index f then reads padded flat index f + ki * PaddedWidth + kj for tap (ki, kj), so a tap
/// over a whole plane is one contiguous vector multiply-add or dot of <see cref="Run"/> elements, instead of
/// one short run per output row.
/// </summary>
sealed unsafe class PaddedPlanes
{
    readonly ConvGeometry g;
    readonly int[] sourceColumn;

    public PaddedPlanes(ConvGeometry geometry)
    {
        g = geometry;
        PaddedWidth = g.Width + 2 * g.Padding;
        PaddedHeight = g.Height + 2 * g.Padding;
        sourceColumn = new int[PaddedWidth];
        for (int b = 0; b < PaddedWidth; b++)
            sourceColumn[b] = ConvolutionLoops.SourceIndex(b - g.Padding, g.Width, g.PaddingMode);
    }

    public int PaddedWidth { get; }
    public int PaddedHeight { get; }
    public int PlaneLength => PaddedHeight * PaddedWidth;

    /// <summary>One output plane in the padded-width layout.</summary>
    public int OutputPlaneLength => g.OutHeight * PaddedWidth;

    /// <summary>Elements a tap touches per plane: up to the last real output column.</summary>
    public int Run => (g.OutHeight - 1) * PaddedWidth + g.OutWidth;

    public int Offset(int ki, int kj) => ki * PaddedWidth + kj;

    /// <summary>padded [Channels planes] = the image's channels with their padding.</summary>
    public void Pad<T>(T* image, T* padded) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int c = 0; c < g.Channels; c++)
            for (int a = 0; a < PaddedHeight; a++)
            {
                T* row = padded + ((long)c * PaddedHeight + a) * PaddedWidth;
                int ih = ConvolutionLoops.SourceIndex(a - g.Padding, g.Height, g.PaddingMode);
                if (ih < 0)
                {
                    new Span<T>(row, PaddedWidth).Clear();
                    continue;
                }
                T* source = image + ((long)c * g.Height + ih) * g.Width;
                for (int b = 0; b < PaddedWidth; b++)
                    row[b] = sourceColumn[b] < 0 ? T.Zero : source[sourceColumn[b]];
            }
    }

    /// <summary>output [planes, OutHeight, OutWidth] = the real columns of wide [planes, OutputPlaneLength].</summary>
    public void Narrow<T>(T* wide, T* output, int planes) where T : unmanaged
    {
        for (long row = 0; row < (long)planes * g.OutHeight; row++)
            new ReadOnlySpan<T>(wide + row * PaddedWidth, g.OutWidth).CopyTo(new Span<T>(output + row * g.OutWidth, g.OutWidth));
    }

    /// <summary>wide [planes, OutputPlaneLength] = gradient [planes, OutHeight, OutWidth], scratch columns zero
    /// (so they add nothing to what they touch).</summary>
    public void Widen<T>(T* gradient, T* wide, int planes) where T : unmanaged
    {
        for (long row = 0; row < (long)planes * g.OutHeight; row++)
        {
            new ReadOnlySpan<T>(gradient + row * g.OutWidth, g.OutWidth).CopyTo(new Span<T>(wide + row * PaddedWidth, g.OutWidth));
            new Span<T>(wide + row * PaddedWidth + g.OutWidth, PaddedWidth - g.OutWidth).Clear();
        }
    }

    /// <summary>image = every padded position added back into the element it was read from (the adjoint of
    /// <see cref="Pad{T}"/>), positions in raster order.</summary>
    public void Fold<T>(T* padded, T* image) where T : unmanaged, IFloatingPointIeee754<T>
    {
        new Span<T>(image, g.ImageLength).Clear();
        for (int c = 0; c < g.Channels; c++)
            for (int a = 0; a < PaddedHeight; a++)
            {
                int ih = ConvolutionLoops.SourceIndex(a - g.Padding, g.Height, g.PaddingMode);
                if (ih < 0) continue;
                T* row = padded + ((long)c * PaddedHeight + a) * PaddedWidth;
                T* target = image + ((long)c * g.Height + ih) * g.Width;
                for (int b = 0; b < PaddedWidth; b++)
                    if (sourceColumn[b] >= 0) target[sourceColumn[b]] += row[b];
            }
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
