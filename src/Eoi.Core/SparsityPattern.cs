namespace Eoi.Core;

/// <summary>
/// The positions of a sparse rows x cols matrix in compressed-sparse-row form: row r holds the sorted,
/// distinct column indices ColumnIndices[RowOffsets[r] .. RowOffsets[r + 1]). Immutable: it keeps its own copies
/// of the caller's arrays and shows them read-only.
/// </summary>
public sealed class SparsityPattern
{
    /// <summary>Rows of the matrix.</summary>
    public int Rows { get; }
    /// <summary>Columns of the matrix.</summary>
    public int Cols { get; }
    readonly int[] rowOffsets;
    readonly int[] columnIndices;

    /// <summary>rows + 1 offsets into <see cref="ColumnIndices"/>, from 0 to the number of positions.</summary>
    public ReadOnlySpan<int> RowOffsets => rowOffsets;
    /// <summary>The column of each position, row by row, sorted within a row.</summary>
    public ReadOnlySpan<int> ColumnIndices => columnIndices;

    /// <summary>A pattern over copies of the given CSR arrays, checked: offsets from 0 to nnz and non-decreasing,
    /// columns in range, sorted and distinct within each row.</summary>
    public SparsityPattern(int rows, int cols, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices)
        : this(rows, cols, rowOffsets.ToArray(), columnIndices.ToArray())
    {
    }

    /// <summary>A pattern over arrays nobody else holds, kept as they are.</summary>
    internal static SparsityPattern Adopt(int rows, int cols, int[] rowOffsets, int[] columnIndices) =>
        new(rows, cols, rowOffsets, columnIndices);

    SparsityPattern(int rows, int cols, int[] rowOffsets, int[] columnIndices)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(cols, nameof(cols));
        if (rowOffsets.Length != rows + 1 || rowOffsets[0] != 0 || rowOffsets[rows] != columnIndices.Length)
            throw new EoiArgumentException(nameof(rowOffsets),
                $"rowOffsets must have length rows + 1 = {rows + 1}, start at 0 and end at {columnIndices.Length}");
        for (int r = 0; r < rows; r++)
        {
            int start = rowOffsets[r], end = rowOffsets[r + 1];
            if (end < start)
                throw new EoiArgumentException(nameof(rowOffsets), $"rowOffsets must be non-decreasing; row {r} has {start} > {end}");
            for (int k = start; k < end; k++)
            {
                int col = columnIndices[k];
                if (col < 0 || col >= cols || (k > start && columnIndices[k - 1] >= col))
                    throw new EoiArgumentException(nameof(columnIndices),
                        $"row {r} must hold sorted, distinct column indices in [0, {cols - 1}]; got {col}");
            }
        }
        Rows = rows;
        Cols = cols;
        this.rowOffsets = rowOffsets;
        this.columnIndices = columnIndices;
    }

    /// <summary>Number of positions.</summary>
    public long NonZeros => ColumnIndices.Length;
    /// <summary><see cref="NonZeros"/> / (rows x cols).</summary>
    public double Density => NonZeros / ((double)Rows * Cols);

    /// <summary>Whether (row, col) is a position, by binary search in the row.</summary>
    public bool Contains(int row, int col)
    {
        int start = RowOffsets[row], end = RowOffsets[row + 1];
        return Array.BinarySearch(columnIndices, start, end - start, col) >= 0;
    }

    /// <summary>The pattern as a dense 0/1 array of shape [rows, cols].</summary>
    public NdArray ToDenseMask()
    {
        var data = new double[(long)Rows * Cols];
        for (int r = 0; r < Rows; r++)
            for (int k = RowOffsets[r]; k < RowOffsets[r + 1]; k++)
                data[(long)r * Cols + ColumnIndices[k]] = 1.0;
        return NdArray.Adopt([Rows, Cols], ElementType.Bool, data);
    }

    /// <summary>The pattern of the transposed matrix (cols x rows), built in O(rows + nnz).</summary>
    public SparsityPattern Transpose() => CsrTranspose.Build(this, null).Pattern;
}

/// <summary>A sparse matrix: a <see cref="SparsityPattern"/> plus one float64 value per position.</summary>
public sealed class CsrMatrix
{
    /// <summary>The positions.</summary>
    public SparsityPattern Pattern { get; }
    readonly double[] values;

    /// <summary>One value per position, in the pattern's order.</summary>
    public ReadOnlySpan<double> Values => values;

    /// <summary>A matrix with a copy of <paramref name="values"/>, one value per position of <paramref name="pattern"/>.</summary>
    public CsrMatrix(SparsityPattern pattern, ReadOnlySpan<double> values)
        : this(pattern, values.ToArray())
    {
    }

    CsrMatrix(SparsityPattern pattern, double[] values)
    {
        Guard.NotNull(pattern, nameof(pattern));
        if (values.LongLength != pattern.NonZeros)
            throw new EoiArgumentException(nameof(values), $"values must have one entry per position ({pattern.NonZeros}); got {values.Length}");
        Pattern = pattern;
        this.values = values;
    }

    /// <summary>Rows of the matrix.</summary>
    public int Rows => Pattern.Rows;
    /// <summary>Columns of the matrix.</summary>
    public int Cols => Pattern.Cols;

    /// <summary>The transposed matrix (cols x rows), built in O(rows + nnz).</summary>
    public CsrMatrix Transpose()
    {
        var (pattern, transposed) = CsrTranspose.Build(Pattern, values);
        return new CsrMatrix(pattern, transposed!);
    }

    /// <summary>Dense row-major copy; positions outside the pattern are +0.0.</summary>
    public NdArray ToDense(ElementType dtype = ElementType.Float64)
    {
        var data = new double[(long)Rows * Cols];
        var p = Pattern;
        for (int r = 0; r < Rows; r++)
            for (int k = p.RowOffsets[r]; k < p.RowOffsets[r + 1]; k++)
                data[(long)r * Cols + p.ColumnIndices[k]] = Stored(Values[k], dtype);
        return NdArray.Adopt([Rows, Cols], dtype, data);
    }

    /// <summary>
    /// The matrix as <see cref="ToDense"/> writes it, kept sparse: values rounded as there, positions whose value
    /// is then ±0.0 left out. It holds exactly what a CSR copy of that dense array taking the entries != 0
    /// would (same positions in the same order, same bits), without building the dense array.
    /// </summary>
    public CsrMatrix ToStoredNonZeros(ElementType dtype = ElementType.Float64)
    {
        var p = Pattern;
        var offsets = new int[Rows + 1];
        var columns = new List<int>(values.Length);
        var kept = new List<double>(values.Length);
        for (int r = 0; r < Rows; r++)
        {
            for (int k = p.RowOffsets[r]; k < p.RowOffsets[r + 1]; k++)
            {
                double v = Stored(values[k], dtype);
                if (v != 0) { columns.Add(p.ColumnIndices[k]); kept.Add(v); }
            }
            offsets[r + 1] = columns.Count;
        }
        return new CsrMatrix(SparsityPattern.Adopt(Rows, Cols, offsets, columns.ToArray()), kept.ToArray());
    }

    /// <summary>A float64 value as an array of <paramref name="dtype"/> holds it: rounded once to the nearest
    /// float32 for Float32.</summary>
    static double Stored(double value, ElementType dtype) => dtype == ElementType.Float32 ? (float)value : value;
}

static class CsrTranspose
{
    /// <summary>Counting-sort transpose; values (when given) follow their positions.</summary>
    public static (SparsityPattern Pattern, double[]? Values) Build(SparsityPattern p, double[]? values)
    {
        var offsets = new int[p.Cols + 1];
        foreach (int c in p.ColumnIndices) offsets[c + 1]++;
        for (int c = 0; c < p.Cols; c++) offsets[c + 1] += offsets[c];
        var next = (int[])offsets.Clone();
        var rows = new int[p.ColumnIndices.Length];
        var moved = values is null ? null : new double[values.Length];
        for (int r = 0; r < p.Rows; r++)
            for (int k = p.RowOffsets[r]; k < p.RowOffsets[r + 1]; k++)
            {
                int slot = next[p.ColumnIndices[k]]++;
                rows[slot] = r;
                if (moved is not null) moved[slot] = values![k];
            }
        return (SparsityPattern.Adopt(p.Cols, p.Rows, offsets, rows), moved);
    }
}
