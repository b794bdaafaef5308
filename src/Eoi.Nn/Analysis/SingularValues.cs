using System.Runtime.CompilerServices;
using Eoi.Core;

namespace Eoi.Nn.Analysis;

/// <summary>
/// Singular values of a dense rows x cols matrix as the square roots of the eigenvalues of its smaller Gram
/// matrix (M M^T when rows &lt;= cols, else M^T M), all in float64. Squaring costs accuracy only for singular
/// values far below the largest (relative error ~ eps * (s_max / s)^2), which does not matter for the
/// near-isometries this measures.
/// </summary>
public static class SingularValues
{
    /// <summary>The min(rows, cols) singular values in descending order.</summary>
    public static double[] Of(ReadOnlySpan<double> matrix, int rows, int cols)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(cols, nameof(cols));
        if (matrix.Length != rows * cols)
            throw new EoiArgumentException(nameof(matrix), $"matrix must hold rows * cols = {rows * cols} entries; got {matrix.Length}");
        int n = Math.Min(rows, cols);
        return Array.ConvertAll(SymmetricEigen.Eigenvalues(Gram(matrix, rows, cols), n), v => Math.Sqrt(Math.Max(0, v)));
    }

    /// <summary>The smaller Gram matrix, summed as outer products of the inner dimension's slices in index order
    /// and skipping zero entries (a sparse layer's Gram costs its non-zeros, not rows x cols x n); skipping a zero
    /// product leaves every sum's bits unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once or twice per layer: too few for tiering
    static double[] Gram(ReadOnlySpan<double> matrix, int rows, int cols)
    {
        bool wide = rows <= cols;
        int n = wide ? rows : cols, inner = wide ? cols : rows;
        var gram = new double[n * n];
        var index = new int[n];
        var value = new double[n];
        for (int k = 0; k < inner; k++)
        {
            // The non-zeros of column k (wide) or row k (tall): the k-th term of every Gram entry.
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                double x = wide ? matrix[i * cols + k] : matrix[k * cols + i];
                if (x == 0) continue;
                index[count] = i;
                value[count++] = x;
            }
            for (int a = 0; a < count; a++)
            {
                int row = index[a] * n;
                double x = value[a];
                for (int b = a; b < count; b++) gram[row + index[b]] += x * value[b];
            }
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) gram[i * n + j] = gram[j * n + i];
        return gram;
    }
}
