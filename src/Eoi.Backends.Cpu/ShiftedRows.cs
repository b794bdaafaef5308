using System.Numerics;
using System.Runtime.Intrinsics;

namespace Eoi.Backends.Cpu;

/// <summary>
/// The direct convolution's inner loops for one kernel tap (ki, kj): output pixel (oi, oj) reads image element
/// (sourceRow[ki][oi], sourceColumn[kj][oj]) of one channel plane, or a zero where either is -1 (the im2col
/// row of that tap without building it). At stride 1 the output columns [Start, End) of
/// <see cref="interior"/> read the contiguous image columns from Start + kj - Padding, and run as vector
/// multiply-adds; the padded edges, and every column at other strides, go through the maps. Multiplies and
/// adds are separate roundings (no fused multiply-add), in the same order on every path.
/// </summary>
sealed unsafe class ShiftedRows
{
    readonly ConvGeometry g;
    readonly int[] sourceRow, sourceColumn;
    readonly (int Start, int End)[] interior;

    public ShiftedRows(ConvGeometry geometry)
    {
        g = geometry;
        sourceRow = new int[g.KernelHeight * g.OutHeight];
        for (int ki = 0; ki < g.KernelHeight; ki++)
            for (int oi = 0; oi < g.OutHeight; oi++)
                sourceRow[ki * g.OutHeight + oi] = ConvolutionLoops.SourceIndex(oi * g.Stride - g.Padding + ki, g.Height, g.PaddingMode);
        sourceColumn = new int[g.KernelWidth * g.OutWidth];
        interior = new (int, int)[g.KernelWidth];
        for (int kj = 0; kj < g.KernelWidth; kj++)
        {
            for (int oj = 0; oj < g.OutWidth; oj++)
                sourceColumn[kj * g.OutWidth + oj] = ConvolutionLoops.SourceIndex(oj * g.Stride - g.Padding + kj, g.Width, g.PaddingMode);
            interior[kj] = ConvolutionLoops.Interior(g, kj);
        }
    }

    /// <summary>output [OutputPixels] += w * the tap's reading of <paramref name="image"/> (one channel plane).</summary>
    public void GatherAdd<T>(T w, T* image, T* output, int ki, int kj) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outWidth = g.OutWidth, shift = kj - g.Padding;
        var (start, end) = interior[kj];
        fixed (int* columns = &sourceColumn[kj * outWidth])
            for (int oi = 0; oi < g.OutHeight; oi++)
            {
                int ih = sourceRow[ki * g.OutHeight + oi];
                if (ih < 0) continue;
                T* source = image + (long)ih * g.Width, target = output + (long)oi * outWidth;
                for (int oj = 0; oj < start; oj++)
                    if (columns[oj] >= 0) target[oj] += w * source[columns[oj]];
                Axpy(w, source + start + shift, target + start, end - start);
                for (int oj = end; oj < outWidth; oj++)
                    if (columns[oj] >= 0) target[oj] += w * source[columns[oj]];
            }
    }

    /// <summary>The adjoint: image (one channel plane) += w * <paramref name="gradient"/> [OutputPixels] sent
    /// back where the tap read it from.</summary>
    public void ScatterAdd<T>(T w, T* gradient, T* image, int ki, int kj) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outWidth = g.OutWidth, shift = kj - g.Padding;
        var (start, end) = interior[kj];
        fixed (int* columns = &sourceColumn[kj * outWidth])
            for (int oi = 0; oi < g.OutHeight; oi++)
            {
                int ih = sourceRow[ki * g.OutHeight + oi];
                if (ih < 0) continue;
                T* source = gradient + (long)oi * outWidth, target = image + (long)ih * g.Width;
                for (int oj = 0; oj < start; oj++)
                    if (columns[oj] >= 0) target[columns[oj]] += w * source[oj];
                Axpy(w, source + start, target + start + shift, end - start);
                for (int oj = end; oj < outWidth; oj++)
                    if (columns[oj] >= 0) target[columns[oj]] += w * source[oj];
            }
    }

    /// <summary>The sum over output pixels of gradient[p] times the tap's reading of image at p: vector partial
    /// sums over the interiors, a scalar sum over edges and tails, added at the end.</summary>
    public T Dot<T>(T* gradient, T* image, int ki, int kj) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outWidth = g.OutWidth, shift = kj - g.Padding;
        var (start, end) = interior[kj];
        var lanes = Vector<T>.Zero;
        T rest = T.Zero;
        fixed (int* columns = &sourceColumn[kj * outWidth])
            for (int oi = 0; oi < g.OutHeight; oi++)
            {
                int ih = sourceRow[ki * g.OutHeight + oi];
                if (ih < 0) continue;
                T* a = gradient + (long)oi * outWidth, b = image + (long)ih * g.Width;
                for (int oj = 0; oj < start; oj++)
                    if (columns[oj] >= 0) rest += a[oj] * b[columns[oj]];
                int j = start;
                if (Vector.IsHardwareAccelerated)
                    for (; j <= end - Vector<T>.Count; j += Vector<T>.Count)
                        lanes += Vector.Load(a + j) * Vector.Load(b + j + shift);
                for (; j < end; j++)
                    rest += a[j] * b[j + shift];
                for (int oj = end; oj < outWidth; oj++)
                    if (columns[oj] >= 0) rest += a[oj] * b[columns[oj]];
            }
        return Vector.Sum(lanes) + rest;
    }

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
}
