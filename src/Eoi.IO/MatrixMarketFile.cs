using Eoi.Core;
using static System.FormattableString;

namespace Eoi.IO;

/// <summary>
/// Matrix Market coordinate files ("general" symmetry). Values are written with the round-trip format, so
/// reading a file back gives the same float64 bits; a float32 array's values are written widened and read
/// back as Float64 with the same values. A Bool mask is written as a "pattern" file.
/// </summary>
public static class MatrixMarketFile
{
    const string Tool = "Eoi.Reference (Eoi.IO)";

    /// <summary>Writes the non-zero entries of a 2-D array (NaN counts as non-zero; -0.0 does not).</summary>
    public static void Write(string path, NdArray matrix)
    {
        Guard.NotNull(matrix, nameof(matrix));
        if (matrix.Rank != 2)
            throw new EoiArgumentException(nameof(matrix), $"a Matrix Market file holds a 2-D array; got shape {matrix.ShapeText}");
        bool isPattern = matrix.ElementType == ElementType.Bool;
        if (isPattern)
            for (int k = 0; k < matrix.Data.Length; k++)
                ElementCodec.RequireMaskValue(matrix.Data[k], k);
        int rows = matrix.Shape[0], cols = matrix.Shape[1];
        WriteEntries(path, rows, cols, isPattern, matrix.CountNonZero(), NonZeros(matrix, cols));
    }

    /// <summary>Writes every stored position of <paramref name="matrix"/>, explicit zeros included, so the
    /// sparsity pattern survives the round trip.</summary>
    public static void Write(string path, CsrMatrix matrix)
    {
        Guard.NotNull(matrix, nameof(matrix));
        WriteEntries(path, matrix.Rows, matrix.Cols, isPattern: false, matrix.Pattern.NonZeros, StoredEntries(matrix));
    }

    /// <summary>The matrix as a dense array: Float64 for real and integer files, Bool for pattern files.</summary>
    public static NdArray Read(string path)
    {
        var data = MatrixMarketReader.Parse(path);
        long size = (long)data.Rows * data.Cols;
        if (size > Array.MaxLength)
            throw new EoiFormatException(path, $"a dense {data.Rows} x {data.Cols} matrix is too large for one array; read it with ReadSparse");
        var dense = new double[size];
        for (int k = 0; k < data.Values.Length; k++)
            dense[(long)data.RowIndices[k] * data.Cols + data.ColIndices[k]] = data.Values[k];
        return new NdArray([data.Rows, data.Cols], data.IsPattern ? ElementType.Bool : ElementType.Float64, dense);
    }

    /// <summary>The stored positions and values, explicit zeros included (pattern files give 1.0).</summary>
    public static CsrMatrix ReadSparse(string path)
    {
        var data = MatrixMarketReader.Parse(path);
        if (data.Rows == 0 || data.Cols == 0)
            throw new EoiFormatException(path, $"a sparse matrix needs at least one row and one column; the file is {data.Rows} x {data.Cols}");
        var offsets = new int[data.Rows + 1];
        foreach (int row in data.RowIndices)
            offsets[row + 1]++;
        for (int r = 0; r < data.Rows; r++)
            offsets[r + 1] += offsets[r];
        return new CsrMatrix(new SparsityPattern(data.Rows, data.Cols, offsets, data.ColIndices), data.Values);
    }

    static void WriteEntries(string path, int rows, int cols, bool isPattern, long count,
                             IEnumerable<(int Row, int Col, double Value)> entries)
    {
        AtomicFile.WriteText(path, writer =>
        {
            writer.WriteLine($"%%MatrixMarket matrix coordinate {(isPattern ? "pattern" : "real")} general");
            writer.WriteLine($"% written by {Tool}");
            writer.WriteLine(Invariant($"{rows} {cols} {count}"));
            foreach (var (row, col, value) in entries)
                writer.WriteLine(isPattern
                    ? Invariant($"{row + 1} {col + 1}")
                    : Invariant($"{row + 1} {col + 1} {value:R}"));
        });
    }

    static IEnumerable<(int, int, double)> NonZeros(NdArray matrix, int cols)
    {
        for (int k = 0; k < matrix.Count; k++)
            if (matrix.Data[k] != 0)
                yield return (k / cols, k % cols, matrix.Data[k]);
    }

    static IEnumerable<(int, int, double)> StoredEntries(CsrMatrix matrix)
    {
        var pattern = matrix.Pattern;
        for (int r = 0; r < matrix.Rows; r++)
            for (int k = pattern.RowOffsets[r]; k < pattern.RowOffsets[r + 1]; k++)
                yield return (r, pattern.ColumnIndices[k], matrix.Values[k]);
    }
}
