using System.Numerics;

namespace Eoi.Backends.Cpu;

/// <summary>
/// im2col and its adjoint col2im for one image (see <see cref="ConvGeometry"/> for the layout), row by row of
/// the column matrix: <see cref="Im2ColRow{T}"/> and <see cref="Col2ImRow{T}"/> serve the dense convolution
/// (every row) and the sparse one (the rows its kernel uses). Within a row, each output row oi reads one image
/// row; at stride 1 the output columns inside the image read a contiguous run of it (a block copy, or a
/// vector add for col2im), and only the padded edges go through the per-column source map.
/// </summary>
static class ConvolutionLoops
{
    public static void Im2Col<T>(ConvGeometry g, ReadOnlySpan<T> image, Span<T> columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outPixels = g.OutputPixels;
        Span<int> sourceColumn = g.OutWidth <= MaxStackColumns ? stackalloc int[g.OutWidth] : new int[g.OutWidth];
        for (int row = 0; row < g.PatchLength; row++)
            Im2ColRow(g, row, image, columns.Slice(row * outPixels, outPixels), sourceColumn);
    }

    /// <summary>image = 0, then every column entry added back where it was read from, rows in order.</summary>
    public static void Col2Im<T>(ConvGeometry g, ReadOnlySpan<T> columns, Span<T> image) where T : unmanaged, IFloatingPointIeee754<T>
    {
        image.Clear();
        int outPixels = g.OutputPixels;
        Span<int> sourceColumn = g.OutWidth <= MaxStackColumns ? stackalloc int[g.OutWidth] : new int[g.OutWidth];
        for (int row = 0; row < g.PatchLength; row++)
            Col2ImRow(g, row, columns.Slice(row * outPixels, outPixels), image, sourceColumn);
    }

    /// <summary>Output widths up to this keep their column map on the stack (4 KiB).</summary>
    public const int MaxStackColumns = 1024;

    /// <summary>target [OutputPixels] = im2col row <paramref name="row"/> of the image. sourceColumn is scratch
    /// of OutWidth ints.</summary>
    public static void Im2ColRow<T>(ConvGeometry g, int row, ReadOnlySpan<T> image, Span<T> target, Span<int> sourceColumn)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (c, ki, kj) = PatchEntry(g, row);
        int outWidth = g.OutWidth, plane = g.Height * g.Width;
        SourceColumns(g, kj, sourceColumn);
        var (start, end) = Interior(g, kj);
        var channel = image.Slice(c * plane, plane);
        for (int oi = 0; oi < g.OutHeight; oi++)
        {
            var output = target.Slice(oi * outWidth, outWidth);
            int ih = SourceIndex(oi * g.Stride - g.Padding + ki, g.Height, g.PaddingMode);
            if (ih < 0)
            {
                output.Clear();
                continue;
            }
            var source = channel.Slice(ih * g.Width, g.Width);
            for (int oj = 0; oj < start; oj++)
                output[oj] = sourceColumn[oj] < 0 ? T.Zero : source[sourceColumn[oj]];
            if (start < end) source.Slice(start + kj - g.Padding, end - start).CopyTo(output[start..end]);
            for (int oj = end; oj < outWidth; oj++)
                output[oj] = sourceColumn[oj] < 0 ? T.Zero : source[sourceColumn[oj]];
        }
    }

    /// <summary>The adjoint of <see cref="Im2ColRow{T}"/>: adds column row <paramref name="row"/> back into the
    /// image where it was read from, output columns in order (left edge, interior, right edge), so every image
    /// element receives its terms in the same order as a plain loop over the pixels.</summary>
    public static void Col2ImRow<T>(ConvGeometry g, int row, ReadOnlySpan<T> source, Span<T> image, Span<int> sourceColumn)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (c, ki, kj) = PatchEntry(g, row);
        int outWidth = g.OutWidth, plane = g.Height * g.Width;
        SourceColumns(g, kj, sourceColumn);
        var (start, end) = Interior(g, kj);
        var channel = image.Slice(c * plane, plane);
        for (int oi = 0; oi < g.OutHeight; oi++)
        {
            int ih = SourceIndex(oi * g.Stride - g.Padding + ki, g.Height, g.PaddingMode);
            if (ih < 0) continue;
            var input = source.Slice(oi * outWidth, outWidth);
            var target = channel.Slice(ih * g.Width, g.Width);
            for (int oj = 0; oj < start; oj++)
                if (sourceColumn[oj] >= 0) target[sourceColumn[oj]] += input[oj];
            if (start < end) AddTo(target.Slice(start + kj - g.Padding, end - start), input[start..end]);
            for (int oj = end; oj < outWidth; oj++)
                if (sourceColumn[oj] >= 0) target[sourceColumn[oj]] += input[oj];
        }
    }

    /// <summary>target += source, a vector at a time: rows here are short (8 to 32 pixels), too short for
    /// TensorPrimitives' per-call set-up to pay off.</summary>
    static void AddTo<T>(Span<T> target, ReadOnlySpan<T> source) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
            for (; j <= target.Length - Vector<T>.Count; j += Vector<T>.Count)
                (new Vector<T>(target[j..]) + new Vector<T>(source[j..])).CopyTo(target[j..]);
        for (; j < target.Length; j++)
            target[j] += source[j];
    }

    /// <summary>At stride 1, the output columns [Start, End) that read image column oj + kj - Padding without
    /// padding (a contiguous run); an empty run at the row's end otherwise, so the source map does all.</summary>
    internal static (int Start, int End) Interior(ConvGeometry g, int kj)
    {
        int outWidth = g.OutWidth;
        if (g.Stride != 1) return (outWidth, outWidth);
        int shift = kj - g.Padding;
        int start = Math.Max(0, -shift), end = Math.Min(outWidth, g.Width - shift);
        return start < end ? (start, end) : (outWidth, outWidth);
    }

    /// <summary>map[oj] = the image column output column oj reads at kernel column kj, or -1 for zero padding.</summary>
    static void SourceColumns(ConvGeometry g, int kj, Span<int> map)
    {
        for (int oj = 0; oj < g.OutWidth; oj++)
            map[oj] = SourceIndex(oj * g.Stride - g.Padding + kj, g.Width, g.PaddingMode);
    }

    internal static (int Channel, int KernelRow, int KernelCol) PatchEntry(ConvGeometry g, int row)
    {
        int kernelArea = g.KernelHeight * g.KernelWidth;
        int within = row % kernelArea;
        return (row / kernelArea, within / g.KernelWidth, within % g.KernelWidth);
    }

    /// <summary>The image index a padded coordinate reads, or -1 for a zero-padding position. Circular padding
    /// is at most one image wide (<see cref="ConvGeometry.Validate"/>), so one wrap suffices.</summary>
    internal static int SourceIndex(int padded, int size, PaddingMode mode)
    {
        if (padded >= 0 && padded < size) return padded;
        if (mode == PaddingMode.Zeros) return -1;
        return padded < 0 ? padded + size : padded - size;
    }
}
