using Eoi.Core;

namespace Eoi.IO.Tests;

public sealed class MatrixMarketFileTests
{
    [Fact]
    public void Write_ProducesTheDocumentedLayout()
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.mtx");

        MatrixMarketFile.Write(path, new NdArray([2, 3], ElementType.Float64, [0, 1.5, 0, -0.1, 0, 1e-300]));

        Assert.Equal(
            "%%MatrixMarket matrix coordinate real general\n% written by Eoi.Reference (Eoi.IO)\n2 3 3\n1 2 1.5\n2 1 -0.1\n2 3 1E-300\n",
            File.ReadAllText(path));
    }

    [Theory]
    [InlineData(ElementType.Float64)]
    [InlineData(ElementType.Float32)]
    public void WriteThenRead_RoundTripsValuesBitExactly(ElementType dtype)
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.mtx");
        var array = Arrays.Random([7, 5], dtype, seed: 11).With((3, 0), (8, double.NaN), (9, double.NegativeInfinity));

        MatrixMarketFile.Write(path, array);

        // Matrix Market has no float32; the values come back exactly, as Float64.
        Arrays.AssertIdentical(new NdArray(array.Shape, ElementType.Float64, array.Data), MatrixMarketFile.Read(path));
    }

    [Fact]
    public void WriteThenRead_AwkwardValues()
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.mtx");
        var array = Arrays.Awkward(ElementType.Float64).With(0, 1); // -0.0 is a zero and is not stored

        MatrixMarketFile.Write(path, array);

        Arrays.AssertIdentical(array, MatrixMarketFile.Read(path));
    }

    [Fact]
    public void BoolMask_IsWrittenAsPatternAndReadBackAsBool()
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.mtx");
        var mask = Arrays.Random([6, 4], ElementType.Bool, seed: 5);

        MatrixMarketFile.Write(path, mask);

        Assert.StartsWith("%%MatrixMarket matrix coordinate pattern general\n", File.ReadAllText(path));
        Arrays.AssertIdentical(mask, MatrixMarketFile.Read(path));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 4)]
    [InlineData(1, 1)]
    public void WriteThenRead_EmptyAndTinyMatrices(int rows, int cols)
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.mtx");
        var array = new NdArray([rows, cols], ElementType.Float64, Enumerable.Repeat(2.5, rows * cols).ToArray());

        MatrixMarketFile.Write(path, array);

        Arrays.AssertIdentical(array, MatrixMarketFile.Read(path));
    }

    [Fact]
    public void CsrMatrix_KeepsExplicitZeros()
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.mtx");
        var pattern = new SparsityPattern(3, 4, [0, 2, 2, 4], [1, 3, 0, 2]);
        var matrix = new CsrMatrix(pattern, [0.0, -2.5, 1e-310, 0.0]);

        MatrixMarketFile.Write(path, matrix);
        var read = MatrixMarketFile.ReadSparse(path);

        Assert.Contains("\n3 4 4\n", File.ReadAllText(path));
        Assert.Equal(pattern.RowOffsets, read.Pattern.RowOffsets);
        Assert.Equal(pattern.ColumnIndices, read.Pattern.ColumnIndices);
        Assert.Equal(matrix.Values.ToArray().Select(BitConverter.DoubleToInt64Bits), read.Values.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Arrays.AssertIdentical(matrix.ToDense(), MatrixMarketFile.Read(path));
    }

    [Fact]
    public void Read_AcceptsIntegerFieldCommentsBlankLinesAnyOrderAndCase()
    {
        var array = ReadText("%%matrixmarket MATRIX Coordinate INTEGER General\n% a comment\n\n%another\n2 2 2\n2 1 -7\n\n  1   2   3  \n");

        Arrays.AssertIdentical(new NdArray([2, 2], ElementType.Float64, [0, 3, -7, 0]), array);
    }

    [Fact]
    public void ReadSparse_PatternFile_GivesOnes()
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.mtx");
        File.WriteAllText(path, "%%MatrixMarket matrix coordinate pattern general\n2 3 2\n2 3\n1 1\n");

        var matrix = MatrixMarketFile.ReadSparse(path);

        Assert.Equal([0, 1, 2], matrix.Pattern.RowOffsets);
        Assert.Equal([0, 2], matrix.Pattern.ColumnIndices);
        Assert.Equal([1.0, 1.0], matrix.Values);
    }

    [Theory]
    [InlineData("", "empty file (0 bytes)")]
    [InlineData("hello\n1 1 0\n", "line 1: not a Matrix Market file")]
    [InlineData("%%MatrixMarket matrix coordinate real\n1 1 0\n", "the banner must be")]
    [InlineData("%%MatrixMarket vector coordinate real general\n1 1 0\n", "object 'vector' is not supported")]
    [InlineData("%%MatrixMarket matrix array real general\n1 1\n5\n", "format 'array' is not supported")]
    [InlineData("%%MatrixMarket matrix coordinate complex general\n1 1 0\n", "field 'complex' is not supported; supported: real, integer, pattern")]
    [InlineData("%%MatrixMarket matrix coordinate real symmetric\n1 1 0\n", "symmetry 'symmetric' is not supported")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n% only comments\n", "ends before the size line")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2\n", "line 2: the size line must be three non-negative integers")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 -2 1\n", "the size line must be")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 5\n", "announces 5 entries, more than the 2 x 2 matrix has positions")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n100000 100000 1000000\n1 1 1\n", "more than a file of")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n", "announces 2 entries but the file holds only 1")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1\n2 2 2\n", "line 4: more entries than the 1 announced")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1\n", "line 3: row index '3' is not an integer in [1, 2]")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 0 1\n", "line 3: column index '0' is not an integer in [1, 2]")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 abc\n", "line 3: value 'abc' is not a real number")]
    [InlineData("%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 1.5\n", "value '1.5' is not an integer")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1\n", "line 3: a real entry has 3 fields (i j value); got '1 1'")]
    [InlineData("%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 1 1\n", "a pattern entry has 2 fields (i j)")]
    [InlineData("%%MatrixMarket matrix coordinate real general\n2 2 3\n1 2 1\n2 2 1\n1 2 5\n", "entry (1, 2) appears twice (lines 3 and 5)")]
    public void Read_InvalidFile_NamesTheProblem(string text, string expected)
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.mtx");
        File.WriteAllText(path, text);

        var dense = Assert.Throws<EoiFormatException>(() => MatrixMarketFile.Read(path));
        var sparse = Assert.Throws<EoiFormatException>(() => MatrixMarketFile.ReadSparse(path));

        Assert.StartsWith(path + ": ", dense.Message);
        Assert.Contains(expected, dense.Message);
        Assert.Equal(dense.Message, sparse.Message);
    }

    [Fact]
    public void ReadSparse_EmptyDimensions_AreRejectedClearly()
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.mtx");
        File.WriteAllText(path, "%%MatrixMarket matrix coordinate real general\n0 3 0\n");

        Assert.Contains("at least one row and one column", Assert.Throws<EoiFormatException>(() => MatrixMarketFile.ReadSparse(path)).Message);
    }

    [Fact]
    public void Write_RejectsNon2DArraysAndNonMaskBools()
    {
        using var dir = new TempDirectory();

        Assert.Throws<EoiArgumentException>(() => MatrixMarketFile.Write(dir.File("a.mtx"), new NdArray([3], ElementType.Float64, [1, 2, 3])));
        Assert.Throws<EoiArgumentException>(() => MatrixMarketFile.Write(dir.File("b.mtx"), new NdArray([1, 2], ElementType.Bool, [1, 0.5])));
        Assert.Empty(dir.FileNames());
    }

    static NdArray ReadText(string text)
    {
        using var dir = new TempDirectory();
        string path = dir.File("m.mtx");
        File.WriteAllText(path, text);
        return MatrixMarketFile.Read(path);
    }

    [Fact]
    public void Read_InfinitiesAndNaNAsCAndNumPyWriteThem()
    {
        using var dir = new TempDirectory();
        string path = dir.File("w.mtx");
        File.WriteAllText(path, "%%MatrixMarket matrix coordinate real general\n2 2 4\n1 1 inf\n1 2 -inf\n2 1 NaN\n2 2 -Infinity\n");

        var array = MatrixMarketFile.Read(path);

        Assert.Equal(double.PositiveInfinity, array.Data[0]);
        Assert.Equal(double.NegativeInfinity, array.Data[1]);
        Assert.True(double.IsNaN(array.Data[2]));
        Assert.Equal(double.NegativeInfinity, array.Data[3]);
    }

    [Theory]
    [InlineData("--inf")]
    [InlineData("infinite")]
    public void Read_RefusesWordsThatAreNotNumbers(string token)
    {
        using var dir = new TempDirectory();
        string path = dir.File("w.mtx");
        File.WriteAllText(path, $"%%MatrixMarket matrix coordinate real general\n1 1 1\n1 1 {token}\n");

        Assert.Contains($"value '{token}' is not a real number", Assert.Throws<EoiFormatException>(() => MatrixMarketFile.Read(path)).Message);
    }
}
