using Eoi.Random;

namespace Eoi.Benchmarks.Generation;

/// <summary>
/// A port of the authors' orthogonal_with_density loop (paper digest §1.2) as the baseline: a dense float64
/// r x c matrix starting at [I_r | 0]; every step clones the whole matrix (the "prev" iterate), rotates two
/// columns and recounts all non-zeros by scanning the whole matrix, so a step costs O(r c). The draws
/// follow the same documented order as SparseOrthogonal (i, j until j != i, ordered, theta = u 2 pi), so
/// for one key both produce the same matrix, which <see cref="AuthorsLoopComparison"/> checks.
/// </summary>
public static class AuthorsDenseLoop
{
    /// <summary>The rows x cols result, row-major.</summary>
    public static double[] Generate(int rows, int cols, double density, RngKey key)
    {
        int r = Math.Min(rows, cols), c = Math.Max(rows, cols);
        var a = new double[r * c];
        for (int t = 0; t < r; t++) a[t * c + t] = 1.0;
        var previous = a;
        var stream = new RandomStream(key);
        while (Density(a) < density)
        {
            previous = (double[])a.Clone();
            int i = (int)stream.NextBelow((uint)c), j;
            do j = (int)stream.NextBelow((uint)c); while (j == i);
            if (j < i) (i, j) = (j, i);
            double theta = stream.NextDouble() * (2.0 * Math.PI), cos = Math.Cos(theta), sin = Math.Sin(theta);
            for (int row = 0; row < r; row++)
            {
                double ai = a[row * c + i], aj = a[row * c + j];
                a[row * c + i] = cos * ai + sin * aj;
                a[row * c + j] = cos * aj - sin * ai;
            }
        }
        if (Math.Abs(density - Density(previous)) < Math.Abs(density - Density(a)))
            a = previous;
        return rows > cols ? Transpose(a, r, c) : a;
    }

    static double Density(double[] a)
    {
        long nonZeros = 0;
        foreach (double v in a)
            if (v != 0.0) nonZeros++;
        return nonZeros / (double)a.Length;
    }

    static double[] Transpose(double[] a, int r, int c)
    {
        var t = new double[a.Length];
        for (int row = 0; row < r; row++)
            for (int col = 0; col < c; col++)
                t[col * r + row] = a[row * c + col];
        return t;
    }
}
