namespace Eoi.Core.Tests;

public class SparsityPatternTests
{
    // [[1, 0, 1],
    //  [0, 0, 0],
    //  [0, 1, 0]]
    static SparsityPattern Example() => new(3, 3, [0, 2, 2, 3], [0, 2, 1]);

    [Fact]
    public void DescribesItsPositions()
    {
        var pattern = Example();
        Assert.Equal(3, pattern.NonZeros);
        Assert.Equal(3.0 / 9, pattern.Density);
        Assert.True(pattern.Contains(0, 2));
        Assert.True(pattern.Contains(2, 1));
        Assert.False(pattern.Contains(0, 1));
        Assert.False(pattern.Contains(1, 0));
        Assert.Equal([1, 0, 1, 0, 0, 0, 0, 1, 0], pattern.ToDenseMask().Data);
        Assert.Equal(ElementType.Bool, pattern.ToDenseMask().ElementType);
    }

    [Fact]
    public void TransposeSwapsRowsAndColumns()
    {
        var transposed = new SparsityPattern(2, 3, [0, 2, 3], [0, 2, 1]).Transpose();
        Assert.Equal(3, transposed.Rows);
        Assert.Equal(2, transposed.Cols);
        Assert.Equal([0, 1, 2, 3], transposed.RowOffsets);
        Assert.Equal([0, 1, 0], transposed.ColumnIndices);
    }

    [Theory]
    [InlineData(0, 3, "rows", "rows must be a positive integer (>= 1); got 0")]
    [InlineData(3, -2, "cols", "cols must be a positive integer (>= 1); got -2")]
    public void RejectsAnEmptyShape(int rows, int cols, string parameter, string message)
    {
        var error = Assert.Throws<EoiArgumentException>(() => new SparsityPattern(rows, cols, [0], []));
        Assert.Equal(parameter, error.ParameterName);
        Assert.Equal(message, error.Message);
    }

    public static TheoryData<int[], int[], string, string> BadPatterns => new()
    {
        // Offsets of the wrong length, not starting at 0, not ending at the number of positions.
        { [0, 1, 1], [0], "rowOffsets", "rowOffsets must have length rows + 1 = 4, start at 0 and end at 1" },
        { [1, 1, 1, 1], [0], "rowOffsets", "rowOffsets must have length rows + 1 = 4, start at 0 and end at 1" },
        { [0, 1, 1, 2], [0], "rowOffsets", "rowOffsets must have length rows + 1 = 4, start at 0 and end at 1" },
        { [0, 2, 1, 2], [0, 1], "rowOffsets", "rowOffsets must be non-decreasing; row 1 has 2 > 1" },
        { [0, 1, 1, 1], [3], "columnIndices", "row 0 must hold sorted, distinct column indices in [0, 2]; got 3" },
        { [0, 1, 1, 1], [-1], "columnIndices", "row 0 must hold sorted, distinct column indices in [0, 2]; got -1" },
        { [0, 0, 2, 2], [2, 1], "columnIndices", "row 1 must hold sorted, distinct column indices in [0, 2]; got 1" },
        { [0, 0, 0, 2], [1, 1], "columnIndices", "row 2 must hold sorted, distinct column indices in [0, 2]; got 1" },
    };

    [Theory]
    [MemberData(nameof(BadPatterns))]
    public void RejectsMalformedCsr(int[] rowOffsets, int[] columnIndices, string parameter, string message)
    {
        var error = Assert.Throws<EoiArgumentException>(() => new SparsityPattern(3, 3, rowOffsets, columnIndices));
        Assert.Equal(parameter, error.ParameterName);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ColumnsMayRepeatAcrossRows()
    {
        var pattern = new SparsityPattern(2, 2, [0, 1, 2], [1, 1]);
        Assert.Equal(0.5, pattern.Density);
    }
}

public class CsrMatrixTests
{
    [Fact]
    public void NeedsOneValuePerPosition()
    {
        var pattern = new SparsityPattern(2, 2, [0, 1, 2], [0, 1]);
        var error = Assert.Throws<EoiArgumentException>(() => new CsrMatrix(pattern, [1.0]));
        Assert.Equal("values", error.ParameterName);
        Assert.Equal("values must have one entry per position (2); got 1", error.Message);
    }

    [Fact]
    public void TransposeMovesValuesWithTheirPositions()
    {
        // [[0, 2, 3],      transposed: [[0, 5],
        //  [5, 0, 0]]                   [2, 0],
        //                               [3, 0]]
        var matrix = new CsrMatrix(new SparsityPattern(2, 3, [0, 2, 3], [1, 2, 0]), [2, 3, 5]);
        var transposed = matrix.Transpose();
        Assert.Equal([0, 5, 2, 0, 3, 0], transposed.ToDense().Data);
        Assert.Equal([0, 2, 3, 5, 0, 0], transposed.Transpose().ToDense().Data);
    }

    [Fact]
    public void ToDenseRoundsOnceToFloat32WhenAsked()
    {
        var matrix = new CsrMatrix(new SparsityPattern(1, 2, [0, 1], [1]), [0.1]);
        var dense = matrix.ToDense(ElementType.Float32);
        Assert.Equal(ElementType.Float32, dense.ElementType);
        Assert.Equal([0.0, (double)(float)0.1], dense.Data);
        Assert.Equal([0.0, 0.1], matrix.ToDense().Data);
    }

    [Fact]
    public void ChangingTheCallersArraysAfterwardsChangesNothing()
    {
        int[] offsets = [0, 1, 2];
        int[] columns = [0, 1];
        double[] values = [0.5, -0.5];
        var pattern = new SparsityPattern(2, 2, offsets, columns);
        var matrix = new CsrMatrix(pattern, values);

        offsets[1] = 0;
        columns[0] = 1;
        values[0] = 9;

        Assert.Equal([0, 1, 2], pattern.RowOffsets.ToArray());
        Assert.Equal([0, 1], pattern.ColumnIndices.ToArray());
        Assert.Equal([0.5, -0.5], matrix.Values.ToArray());
        Assert.True(pattern.Contains(0, 0));
    }
}
