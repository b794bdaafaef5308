namespace Eoi.Sparsity;

/// <summary>A height x width kernel whose taps are rows x cols matrices (row-major), for <see cref="ConvOrthogonal"/>.</summary>
sealed class TapKernel(int height, int width, int rows, int cols)
{
    public int Height { get; } = height;
    public int Width { get; } = width;
    public int Rows { get; } = rows;
    public int Cols { get; } = cols;
    public double[][] Taps { get; } = Enumerable.Range(0, height * width).Select(_ => new double[rows * cols]).ToArray();

    /// <summary>[P; I - P] (vertical, 2 x 1) or [P, I - P] (horizontal, 1 x 2), for a symmetric projection P of R^n.</summary>
    public static TapKernel ProjectionPair(double[] p, int n, bool vertical)
    {
        var pair = vertical ? new TapKernel(2, 1, n, n) : new TapKernel(1, 2, n, n);
        pair.Taps[0] = p;
        pair.Taps[1] = DenseMatrix.IdentityMinus(p, n);
        return pair;
    }

    /// <summary>Full 2-D convolution of kernels of matrices: result(y, x) = sum this(y1, x1) other(y - y1, x - x1).</summary>
    public TapKernel Convolve(TapKernel other)
    {
        var result = new TapKernel(Height + other.Height - 1, Width + other.Width - 1, Rows, other.Cols);
        for (int y1 = 0; y1 < Height; y1++)
            for (int x1 = 0; x1 < Width; x1++)
                for (int y2 = 0; y2 < other.Height; y2++)
                    for (int x2 = 0; x2 < other.Width; x2++)
                    {
                        var product = DenseMatrix.Multiply(Taps[y1 * Width + x1], other.Taps[y2 * other.Width + x2], Rows, Cols, other.Cols);
                        DenseMatrix.AddInPlace(result.Taps[(y1 + y2) * result.Width + x1 + x2], product);
                    }
        return result;
    }
}
