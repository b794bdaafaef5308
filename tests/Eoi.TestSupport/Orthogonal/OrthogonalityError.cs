using Eoi.Core;

namespace Eoi.Orthogonal.Testing;

/// <summary>
/// Orthogonality error of a generated matrix, computed here rather than by Eoi.Checker so the tests do not
/// depend on the code they would be checking the checker with.
/// </summary>
public static class OrthogonalityError
{
    /// <summary>Machine epsilon of float64, 2^-52 (not <see cref="double.Epsilon"/>, the smallest subnormal).</summary>
    public const double Eps64 = 2.220446049250313e-16;

    /// <summary>
    /// Units of eps one rotation may add, before the random-walk growth. A rotation rounds every entry of the
    /// two columns it touches about twice (two products and a sum), a relative error of a few eps on each;
    /// the Gram entries built from those columns inherit it, and the final dot products round once more.
    /// 8 leaves room for that constant without hiding an O(1)-per-rotation loss of orthogonality.
    /// </summary>
    public const double EpsPerRotation = 8.0;

    /// <summary>
    /// Allowed max |G - gain^2 I| after k rotations: sqrt(k + 1) * 8 * eps * gain^2. The rounding errors of
    /// successive rotations have independent signs, so they accumulate like a random walk (sqrt(k)), not
    /// linearly; the + 1 makes k = 0 (where the error is exactly 0) well defined. The paper digest (§1.4)
    /// measured at most 20 eps at k = 11000, where this bound is about 840 eps.
    /// </summary>
    public static double Bound(int rotations, double gain) =>
        Math.Sqrt(rotations + 1.0) * EpsPerRotation * Eps64 * gain * gain;

    /// <summary>The error on the side that must be orthonormal: rows when rows &lt;= cols, else columns.</summary>
    public static double Of(CsrMatrix w, double gain) =>
        w.Rows <= w.Cols ? OfRows(w, gain) : OfRows(w.Transpose(), gain);

    /// <summary>
    /// max |W W^T - gain^2 I|. The Gram matrix of the rows is accumulated as a sum of outer products of the
    /// columns, so the cost is the sum of squared column non-zero counts, not O(rows^2 cols).
    /// </summary>
    public static double OfRows(CsrMatrix w, double gain)
    {
        // Row k of `columns` is column k of W: coordinate k of every row vector, with the row's index.
        CsrMatrix columns = w.Transpose();
        var gram = new double[w.Rows, w.Rows];
        var offsets = columns.Pattern.RowOffsets;
        var index = columns.Pattern.ColumnIndices;
        for (int k = 0; k < columns.Rows; k++)
            for (int p = offsets[k]; p < offsets[k + 1]; p++)
                for (int q = p; q < offsets[k + 1]; q++)
                    gram[index[p], index[q]] += columns.Values[p] * columns.Values[q];

        double worst = 0.0, diagonal = gain * gain;
        for (int a = 0; a < w.Rows; a++)
            for (int b = a; b < w.Rows; b++)
                worst = Math.Max(worst, Math.Abs(gram[a, b] - (a == b ? diagonal : 0.0)));
        return worst;
    }
}
