using System.Numerics;
using Eoi.Core.Backend;

namespace Eoi.Backends.Cpu;

/// <summary>im2col and its adjoint col2im for one image; see <see cref="ConvGeometry"/> for the layout.</summary>
static class ConvolutionLoops
{
    public static void Im2Col<T>(ConvGeometry g, ReadOnlySpan<T> image, Span<T> columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outPixels = g.OutputPixels;
        for (int row = 0; row < g.PatchLength; row++)
        {
            var (c, ki, kj) = PatchEntry(g, row);
            var target = columns.Slice(row * outPixels, outPixels);
            for (int oi = 0, p = 0; oi < g.OutHeight; oi++)
            {
                int ih = SourceIndex(oi * g.Stride - g.Padding + ki, g.Height, g.PaddingMode);
                for (int oj = 0; oj < g.OutWidth; oj++, p++)
                {
                    int iw = SourceIndex(oj * g.Stride - g.Padding + kj, g.Width, g.PaddingMode);
                    target[p] = ih < 0 || iw < 0 ? T.Zero : image[(c * g.Height + ih) * g.Width + iw];
                }
            }
        }
    }

    public static void Col2Im<T>(ConvGeometry g, ReadOnlySpan<T> columns, Span<T> image) where T : unmanaged, IFloatingPointIeee754<T>
    {
        image.Clear();
        int outPixels = g.OutputPixels;
        for (int row = 0; row < g.PatchLength; row++)
        {
            var (c, ki, kj) = PatchEntry(g, row);
            var source = columns.Slice(row * outPixels, outPixels);
            for (int oi = 0, p = 0; oi < g.OutHeight; oi++)
            {
                int ih = SourceIndex(oi * g.Stride - g.Padding + ki, g.Height, g.PaddingMode);
                for (int oj = 0; oj < g.OutWidth; oj++, p++)
                {
                    int iw = SourceIndex(oj * g.Stride - g.Padding + kj, g.Width, g.PaddingMode);
                    if (ih >= 0 && iw >= 0) image[(c * g.Height + ih) * g.Width + iw] += source[p];
                }
            }
        }
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
