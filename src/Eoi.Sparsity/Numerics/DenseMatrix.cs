namespace Eoi.Sparsity;

/// <summary>Row-major dense float64 matrix helpers for the small matrices of the initialisers.</summary>
static class DenseMatrix
{
    /// <summary>C = A B with A m x k and B k x n, accumulated row by row (i-k-j order) in a fixed order.</summary>
    public static double[] Multiply(double[] a, double[] b, int m, int k, int n)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            var row = c.AsSpan(i * n, n);
            for (int t = 0; t < k; t++)
            {
                double s = a[i * k + t];
                if (s == 0.0) continue;
                var bRow = b.AsSpan(t * n, n);
                for (int j = 0; j < n; j++)
                    row[j] += s * bRow[j];
            }
        }
        return c;
    }

    public static double[] Transpose(double[] a, int rows, int cols)
    {
        var t = new double[a.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                t[j * rows + i] = a[i * cols + j];
        return t;
    }

    /// <summary>I - P for a square n x n P.</summary>
    public static double[] IdentityMinus(double[] p, int n)
    {
        var r = new double[n * n];
        for (int i = 0; i < r.Length; i++) r[i] = -p[i];
        for (int i = 0; i < n; i++) r[i * n + i] += 1.0;
        return r;
    }

    public static void AddInPlace(double[] target, double[] addend)
    {
        for (int i = 0; i < target.Length; i++) target[i] += addend[i];
    }

    public static void Scale(double[] a, double factor)
    {
        for (int i = 0; i < a.Length; i++) a[i] *= factor;
    }
}
