using Eoi.Core;

namespace Eoi.Orthogonal;

/// <summary>
/// Turns the c columns of the wide r x c matrix (sorted row lists, optionally with values) into CSR in the
/// rows x cols orientation of the result. When rows > cols the wide matrix is transposed back, so its
/// column t is row t of the result and the lists already are CSR rows; otherwise they get transposed.
/// </summary>
static class WideColumns
{
    public static CsrMatrix ToCsr(int rows, int cols, int longSide, Func<int, ArraySegment<int>> rowsOf, Func<int, ArraySegment<double>> valuesOf)
    {
        var (offsets, indices) = Concatenate(longSide, rowsOf);
        var values = new double[indices.Length];
        for (int t = 0; t < longSide; t++)
            valuesOf(t).CopyTo(values, offsets[t]);
        var wideTransposed = new CsrMatrix(new SparsityPattern(longSide, Math.Min(rows, cols), offsets, indices), values);
        return rows > cols ? wideTransposed : wideTransposed.Transpose();
    }

    public static SparsityPattern ToPattern(int rows, int cols, int longSide, Func<int, ArraySegment<int>> rowsOf)
    {
        var (offsets, indices) = Concatenate(longSide, rowsOf);
        var wideTransposed = new SparsityPattern(longSide, Math.Min(rows, cols), offsets, indices);
        return rows > cols ? wideTransposed : wideTransposed.Transpose();
    }

    static (int[] Offsets, int[] Indices) Concatenate(int longSide, Func<int, ArraySegment<int>> rowsOf)
    {
        var offsets = new int[longSide + 1];
        for (int t = 0; t < longSide; t++)
            offsets[t + 1] = checked(offsets[t] + rowsOf(t).Count);
        var indices = new int[offsets[longSide]];
        for (int t = 0; t < longSide; t++)
            rowsOf(t).CopyTo(indices, offsets[t]);
        return (offsets, indices);
    }
}
