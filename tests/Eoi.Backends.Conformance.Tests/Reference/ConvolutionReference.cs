
namespace Eoi.Backends.Conformance.Tests;

/// <summary>
/// im2col, col2im and average pooling by their definitions. The padded image is read through an explicit
/// index map (zero padding: nothing; circular: modulo the size), independent of the backends' one-wrap code.
/// </summary>
static class ConvolutionReference
{
    /// <summary>The image index read at padded coordinate <paramref name="padded"/>, or -1 for a zero.</summary>
    static int Source(int padded, int size, PaddingMode mode) =>
        padded >= 0 && padded < size ? padded : mode == PaddingMode.Circular ? ((padded % size) + size) % size : -1;

    /// <summary>Calls <paramref name="visit"/>(column-matrix index, image index or -1) for every patch entry.</summary>
    static void ForEachEntry(ConvGeometry g, Action<int, int> visit)
    {
        for (int c = 0; c < g.Channels; c++)
            for (int ki = 0; ki < g.KernelHeight; ki++)
                for (int kj = 0; kj < g.KernelWidth; kj++)
                {
                    int row = (c * g.KernelHeight + ki) * g.KernelWidth + kj;
                    for (int oi = 0; oi < g.OutHeight; oi++)
                        for (int oj = 0; oj < g.OutWidth; oj++)
                        {
                            int ih = Source(oi * g.Stride - g.Padding + ki, g.Height, g.PaddingMode);
                            int iw = Source(oj * g.Stride - g.Padding + kj, g.Width, g.PaddingMode);
                            visit(row * g.OutputPixels + oi * g.OutWidth + oj, ih < 0 || iw < 0 ? -1 : (c * g.Height + ih) * g.Width + iw);
                        }
                }
    }

    /// <summary>A copy: exact.</summary>
    public static Expected Im2Col(ConvGeometry g, double[] image)
    {
        var columns = new double[g.ColumnsLength];
        ForEachEntry(g, (q, e) => columns[q] = e < 0 ? 0 : image[e]);
        return Expected.Exact(columns);
    }

    /// <summary>Each image element is the sum of the entries read from it.</summary>
    public static Expected Col2Im(ConvGeometry g, double[] columns, double u)
    {
        var image = new double[g.ImageLength];
        var magnitude = new double[g.ImageLength];
        var terms = new int[g.ImageLength];
        ForEachEntry(g, (q, e) =>
        {
            if (e < 0) return;
            image[e] += columns[q];
            magnitude[e] += Math.Abs(columns[q]);
            terms[e]++;
        });
        return new Expected(image, [.. magnitude.Select((m, e) => Tolerances.Rounded(terms[e] + 1, m, u))]);
    }

    /// <summary>The window mean: kernel^2 - 1 additions and a product with the rounded 1 / kernel^2.</summary>
    public static Expected AveragePool(PoolGeometry g, double[] x, double u)
    {
        var values = new double[g.OutputLength];
        var bounds = new double[g.OutputLength];
        double area = g.Kernel * g.Kernel;
        ForEachWindow(g, (p, e) =>
        {
            values[p] += x[e] / area;
            bounds[p] += Math.Abs(x[e]) / area;
        });
        return new Expected(values, [.. bounds.Select(m => Tolerances.Rounded(g.Kernel * g.Kernel + 2, m, u))]);
    }

    /// <summary>Each input element receives dy / kernel^2 from every window that holds it: two roundings per
    /// share and one per addition.</summary>
    public static Expected AveragePoolBackward(PoolGeometry g, double[] dy, double u)
    {
        var values = new double[g.InputLength];
        var magnitude = new double[g.InputLength];
        var terms = new int[g.InputLength];
        double area = g.Kernel * g.Kernel;
        ForEachWindow(g, (p, e) =>
        {
            values[e] += dy[p] / area;
            magnitude[e] += Math.Abs(dy[p]) / area;
            terms[e]++;
        });
        return new Expected(values, [.. magnitude.Select((m, e) => Tolerances.Rounded(terms[e] + 2, m, u))]);
    }

    /// <summary>Calls <paramref name="visit"/>(output index, input index) for every element of every window.</summary>
    static void ForEachWindow(PoolGeometry g, Action<int, int> visit)
    {
        for (int plane = 0, p = 0; plane < g.Planes; plane++)
            for (int oi = 0; oi < g.OutHeight; oi++)
                for (int oj = 0; oj < g.OutWidth; oj++, p++)
                    for (int ki = 0; ki < g.Kernel; ki++)
                        for (int kj = 0; kj < g.Kernel; kj++)
                            visit(p, (plane * g.Height + oi * g.Stride + ki) * g.Width + oj * g.Stride + kj);
    }
}
