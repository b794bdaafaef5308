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
        bool wide = rows <= cols;
        int n = wide ? rows : cols, inner = wide ? cols : rows;
        var gram = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < inner; k++)
                    sum += wide ? matrix[i * cols + k] * matrix[j * cols + k] : matrix[k * cols + i] * matrix[k * cols + j];
                gram[i * n + j] = gram[j * n + i] = sum;
            }
        return Array.ConvertAll(SymmetricEigen.Eigenvalues(gram, n), v => Math.Sqrt(Math.Max(0, v)));
    }
}
