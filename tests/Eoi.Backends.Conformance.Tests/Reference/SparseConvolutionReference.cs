using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>
/// The sparse convolution by its definition over the full kernel pattern [out, PatchLength] (not the compact
/// one the backend gets): the product of the kernel with each image's im2col columns, its adjoint, and the
/// kernel gradient on the pattern. Images are [batch, ImageLength], outputs [batch, out * OutputPixels].
/// </summary>
static class SparseConvolutionReference
{
    public static Expected Forward(ConvGeometry g, int batch, SparsityPattern kernel, double[] values, double[] x, double u)
    {
        int pixels = g.OutputPixels, outputLength = kernel.Rows * pixels;
        var result = new Expected(new double[batch * outputLength], new double[batch * outputLength]);
        for (int n = 0; n < batch; n++)
        {
            var columns = ConvolutionReference.Im2Col(g, x[(n * g.ImageLength)..((n + 1) * g.ImageLength)]).Values;
            var image = ProductReference.Spmm(kernel, values, pixels, columns, new double[outputLength], 0, u);
            image.Values.CopyTo(result.Values, n * outputLength);
            image.Bounds.CopyTo(result.Bounds, n * outputLength);
        }
        return result;
    }

    /// <summary>dx_n[e] = the sum of w * dy_n[o, p] over the stored (o, row) and pixels p whose entry (row, p)
    /// read image element e: every term once, in some order, so gamma(terms) bounds the rounding.</summary>
    public static Expected BackwardInput(ConvGeometry g, int batch, SparsityPattern kernel, double[] values, double[] dy, double u)
    {
        int pixels = g.OutputPixels, gradientLength = kernel.Rows * pixels;
        // im2col of the element numbers 1..ImageLength: entry (row, p) holds e + 1, or 0 for padding.
        var readFrom = ConvolutionReference.Im2Col(g, [.. Enumerable.Range(1, g.ImageLength).Select(e => (double)e)]).Values;
        var dx = new double[batch * g.ImageLength];
        var magnitude = new double[dx.Length];
        var terms = new int[dx.Length];
        for (int n = 0; n < batch; n++)
            for (int o = 0; o < kernel.Rows; o++)
                for (int k = kernel.RowOffsets[o]; k < kernel.RowOffsets[o + 1]; k++)
                    for (int p = 0; p < pixels; p++)
                    {
                        int e = (int)readFrom[kernel.ColumnIndices[k] * pixels + p] - 1;
                        if (e < 0) continue;
                        double term = values[k] * dy[n * gradientLength + o * pixels + p];
                        int target = n * g.ImageLength + e;
                        dx[target] += term;
                        magnitude[target] += Math.Abs(term);
                        terms[target]++;
                    }
        return new Expected(dx, [.. magnitude.Select((m, i) => Tolerances.Rounded(terms[i] + 1, m, u))]);
    }

    /// <summary>One SDDMM whose dots run over every image's pixels: X [out, batch * pixels] the gradients,
    /// Y [PatchLength, batch * pixels] the columns, image after image.</summary>
    public static Expected BackwardWeight(ConvGeometry g, int batch, SparsityPattern kernel, double[] x, double[] dy, double u)
    {
        int pixels = g.OutputPixels, span = batch * pixels;
        var gradients = new double[kernel.Rows * span];
        var columns = new double[g.PatchLength * span];
        for (int n = 0; n < batch; n++)
        {
            var imageColumns = ConvolutionReference.Im2Col(g, x[(n * g.ImageLength)..((n + 1) * g.ImageLength)]).Values;
            for (int row = 0; row < g.PatchLength; row++)
                Array.Copy(imageColumns, row * pixels, columns, row * span + n * pixels, pixels);
            for (int o = 0; o < kernel.Rows; o++)
                Array.Copy(dy, (n * kernel.Rows + o) * pixels, gradients, o * span + n * pixels, pixels);
        }
        return ProductReference.Sddmm(kernel, span, gradients, columns, u);
    }
}
