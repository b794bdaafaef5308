using System.Buffers;
using System.Runtime.CompilerServices;
using Eoi.Core;

namespace Eoi.Nn.Analysis;

/// <summary>
/// Singular values of a rows x cols matrix as the square roots of the eigenvalues of its smaller Gram
/// matrix (M M^T when rows &lt;= cols, else M^T M), all in float64. Squaring costs accuracy only for singular
/// values far below the largest (relative error ~ eps * (s_max / s)^2), which does not matter for the
/// near-isometries this measures. A dense matrix and the same matrix in CSR give the same bits.
/// </summary>
public static class SingularValues
{
    /// <summary>The min(rows, cols) singular values of a dense row-major matrix, in descending order.</summary>
    public static double[] Of(ReadOnlySpan<double> matrix, int rows, int cols)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(cols, nameof(cols));
        if (matrix.Length != rows * cols)
            throw new EoiArgumentException(nameof(matrix), $"matrix must hold rows * cols = {rows * cols} entries; got {matrix.Length}");
        return OfSlices(InnerSlices(matrix, rows, cols));
    }

    /// <summary>The min(rows, cols) singular values of a sparse matrix, in descending order; the same bits as
    /// <see cref="Of(ReadOnlySpan{double}, int, int)"/> on its dense copy, at the cost of its non-zeros.</summary>
    public static double[] Of(CsrMatrix matrix)
    {
        Guard.NotNull(matrix, nameof(matrix));
        return OfSlices(matrix.Rows <= matrix.Cols ? matrix.Transpose() : matrix);
    }

    /// <summary>The matrix as its slices along the inner dimension of the smaller Gram matrix: row k of the
    /// result holds the non-zeros of column k (wide) or row k (tall), in index order.</summary>
    static CsrMatrix InnerSlices(ReadOnlySpan<double> matrix, int rows, int cols)
    {
        bool wide = rows <= cols;
        int n = wide ? rows : cols, inner = wide ? cols : rows;
        var offsets = new int[inner + 1];
        var indices = new List<int>();
        var values = new List<double>();
        for (int k = 0; k < inner; k++)
        {
            for (int i = 0; i < n; i++)
            {
                double x = wide ? matrix[i * cols + k] : matrix[k * cols + i];
                if (x == 0) continue;
                indices.Add(i);
                values.Add(x);
            }
            offsets[k + 1] = indices.Count;
        }
        return new CsrMatrix(new SparsityPattern(inner, n, offsets, [.. indices]), [.. values]);
    }

    /// <summary>The Gram matrix of the n = slices.Cols vectors whose k-th coordinates are row k of
    /// <paramref name="slices"/>, summed as outer products of the rows in row order (a sparse layer's Gram costs
    /// its non-zeros, not rows x cols x n; a zero entry's product, skipped, would not change a sum's bits), then
    /// its eigenvalues, in a pooled scratch matrix (a 128 x 128 one is 128 KB: allocated per layer, a thousand
    /// of them set off a full collection every few dozen layers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called once or twice per layer: too few for tiering
    static double[] OfSlices(CsrMatrix slices)
    {
        int n = slices.Cols;
        var pattern = slices.Pattern;
        ReadOnlySpan<int> offsets = pattern.RowOffsets, indices = pattern.ColumnIndices;
        ReadOnlySpan<double> values = slices.Values;
        var scratch = ArrayPool<double>.Shared.Rent(n * n);
        try
        {
            var gram = scratch.AsSpan(0, n * n);
            gram.Clear();
            for (int k = 0; k < slices.Rows; k++)
            {
                int end = offsets[k + 1];
                for (int a = offsets[k]; a < end; a++)
                {
                    int row = indices[a] * n;
                    double x = values[a];
                    for (int b = a; b < end; b++) gram[row + indices[b]] += x * values[b];
                }
            }
            for (int i = 0; i < n; i++)
                for (int j = 0; j < i; j++) gram[i * n + j] = gram[j * n + i];
            return Array.ConvertAll(SymmetricEigen.EigenvaluesOverwriting(gram, n), v => Math.Sqrt(Math.Max(0, v)));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }
}
