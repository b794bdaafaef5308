using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>Dense and sparse products by their definitions, in float64, with the dot-product bound per element.</summary>
static class ProductReference
{
    /// <summary>C = op(A) op(B) + beta C, row-major; beta 0 ignores C entirely (it may hold NaN).</summary>
    public static Expected Gemm(bool transposeA, bool transposeB, int m, int n, int k, double[] a, double[] b, double[] c, double beta, double u)
    {
        var values = new double[m * n];
        var bounds = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < k; p++)
                {
                    double term = (transposeA ? a[p * m + i] : a[i * k + p]) * (transposeB ? b[j * k + p] : b[p * n + j]);
                    sum += term;
                    magnitude += Math.Abs(term);
                }
                Accumulate(ref sum, ref magnitude, beta, c[i * n + j]);
                values[i * n + j] = sum;
                bounds[i * n + j] = Tolerances.Dot(k, magnitude, u);
            }
        return new Expected(values, bounds);
    }

    /// <summary>C [rows x n] = A B + beta C, A the pattern with <paramref name="aValues"/> in its order.</summary>
    public static Expected Spmm(SparsityPattern a, double[] aValues, int n, double[] b, double[] c, double beta, double u)
    {
        var values = new double[a.Rows * n];
        var bounds = new double[a.Rows * n];
        for (int r = 0; r < a.Rows; r++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = a.RowOffsets[r]; p < a.RowOffsets[r + 1]; p++)
                {
                    double term = aValues[p] * b[a.ColumnIndices[p] * n + j];
                    sum += term;
                    magnitude += Math.Abs(term);
                }
                Accumulate(ref sum, ref magnitude, beta, c[r * n + j]);
                values[r * n + j] = sum;
                bounds[r * n + j] = Tolerances.Dot(a.RowOffsets[r + 1] - a.RowOffsets[r], magnitude, u);
            }
        return new Expected(values, bounds);
    }

    /// <summary>values[p] = dot(X[r, :], Y[col, :]) for every stored position p = (r, col).</summary>
    public static Expected Sddmm(SparsityPattern pattern, int n, double[] x, double[] y, double u)
    {
        var values = new double[pattern.ColumnIndices.Length];
        var bounds = new double[values.Length];
        for (int r = 0; r < pattern.Rows; r++)
            for (int p = pattern.RowOffsets[r]; p < pattern.RowOffsets[r + 1]; p++)
            {
                double sum = 0, magnitude = 0;
                for (int q = 0; q < n; q++)
                {
                    double term = x[r * n + q] * y[pattern.ColumnIndices[p] * n + q];
                    sum += term;
                    magnitude += Math.Abs(term);
                }
                values[p] = sum;
                bounds[p] = Tolerances.Dot(n, magnitude, u);
            }
        return new Expected(values, bounds);
    }

    static void Accumulate(ref double sum, ref double magnitude, double beta, double c)
    {
        if (beta == 0) return;
        sum += beta * c;
        magnitude += Math.Abs(beta * c);
    }
}
