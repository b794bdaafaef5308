using Eoi.Core;

namespace Eoi.Checker;

/// <summary>Max and Frobenius norm of G - target * I for a Gram matrix G.</summary>
public readonly record struct GramError(double Max, double Frobenius)
{
    /// <summary>The error of two disjoint parts taken together: the larger max, the root of the summed squares.</summary>
    public static GramError Combine(GramError a, GramError b) =>
        new(Math.Max(a.Max, b.Max), Math.Sqrt(a.Frobenius * a.Frobenius + b.Frobenius * b.Frobenius));
}

/// <summary>
/// Gram errors of sparse matrices without forming a dense Gram: row a of A B^T is accumulated from the
/// non-zeros of row a of A and the columns of B, in a fixed order (the result does not depend on threads).
/// Cost sum over columns of nnz(A col) * nnz(B col); memory O(rows).
/// </summary>
public static class GramErrors
{
    /// <summary>Error of A B^T against target * I (target 0 for a cross term). A, B: m x n.</summary>
    public static GramError OfProduct(CsrMatrix a, CsrMatrix b, double target) => OfSum(a.Rows, [(a, b)], target);

    /// <summary>Error of sum_p A_p B_p^T against target * I, each A_p, B_p of size m x n.</summary>
    public static GramError OfSum(int m, IReadOnlyList<(CsrMatrix A, CsrMatrix B)> pairs, double target)
    {
        var columnsOfB = pairs.Select(p => p.B.Transpose()).ToArray();
        var row = new double[m];
        var touched = new bool[m];
        var touchedList = new List<int>();
        double max = 0, sumSquares = 0;
        bool sawNaN = false;
        for (int i = 0; i < m; i++)
        {
            for (int p = 0; p < pairs.Count; p++)
            {
                // Spans taken once per row: this loop is most of `generate`'s own work (benchmarks/README.md).
                var a = pairs[p].A;
                ReadOnlySpan<int> aColumns = a.Pattern.ColumnIndices, btOffsets = columnsOfB[p].Pattern.RowOffsets,
                                  btColumns = columnsOfB[p].Pattern.ColumnIndices;
                ReadOnlySpan<double> aValues = a.Values, btValues = columnsOfB[p].Values;
                for (int k = a.Pattern.RowOffsets[i], end = a.Pattern.RowOffsets[i + 1]; k < end; k++)
                {
                    double v = aValues[k];
                    int col = aColumns[k];
                    for (int q = btOffsets[col], qEnd = btOffsets[col + 1]; q < qEnd; q++)
                    {
                        int j = btColumns[q];
                        if (!touched[j]) { touched[j] = true; touchedList.Add(j); }
                        row[j] += v * btValues[q];
                    }
                }
            }
            if (target != 0 && !touched[i]) { touched[i] = true; touchedList.Add(i); }
            foreach (int j in touchedList)
            {
                double e = row[j] - (i == j ? target : 0.0);
                if (double.IsNaN(e)) sawNaN = true;
                max = Math.Max(max, Math.Abs(e));
                sumSquares += e * e;
                row[j] = 0;
                touched[j] = false;
            }
            touchedList.Clear();
        }
        return sawNaN ? new GramError(double.NaN, double.NaN) : new GramError(max, Math.Sqrt(sumSquares));
    }

    /// <summary>The orthogonality error on the side that should be orthonormal: W W^T when rows &lt;= cols,
    /// else W^T W; against gain^2 I.</summary>
    public static GramError Orthogonality(CsrMatrix w, double gain)
    {
        var wide = w.Rows <= w.Cols ? w : w.Transpose();
        return OfProduct(wide, wide, gain * gain);
    }

    /// <summary>Sparse copy of a dense rows x cols row-major array (entries != 0, NaN included).</summary>
    public static CsrMatrix ToCsr(ReadOnlySpan<double> dense, int rows, int cols)
    {
        var offsets = new int[rows + 1];
        var indices = new List<int>();
        var values = new List<double>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                double v = dense[r * cols + c];
                if (v != 0) { indices.Add(c); values.Add(v); }
            }
            offsets[r + 1] = indices.Count;
        }
        return new CsrMatrix(new SparsityPattern(rows, cols, offsets, indices.ToArray()), values.ToArray());
    }
}
