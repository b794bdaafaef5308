using System.Buffers.Binary;
using System.Text;
using Eoi.Core;

namespace Eoi.IO.Tests;

public sealed class NpyFileTests
{
    public static TheoryData<ElementType, int[]> Shapes()
    {
        var data = new TheoryData<ElementType, int[]>();
        foreach (var dtype in new[] { ElementType.Float32, ElementType.Float64, ElementType.Bool })
            foreach (int[] shape in new int[][] { [3, 4], [1, 1], [5], [], [0], [0, 3], [2, 0, 2], [2, 3, 4] })
                data.Add(dtype, shape);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void WriteThenRead_RoundTripsExactly(ElementType dtype, int[] shape)
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.npy");
        var array = Arrays.Random(shape, dtype, seed: shape.Length * 10 + (int)dtype);

        NpyFile.Write(path, array);

        Arrays.AssertIdentical(array, NpyFile.Read(path));
    }

    [Theory]
    [InlineData(ElementType.Float32)]
    [InlineData(ElementType.Float64)]
    public void WriteThenRead_KeepsSignedZeroSubnormalsAndInfinities(ElementType dtype)
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.npy");
        var array = Arrays.Awkward(dtype);

        NpyFile.Write(path, array);

        Arrays.AssertIdentical(array, NpyFile.Read(path));
    }

    [Theory]
    [InlineData(ElementType.Float64, "<f8", "(5,)", 8)]
    [InlineData(ElementType.Float32, "<f4", "(2, 3)", 4)]
    [InlineData(ElementType.Bool, "|b1", "()", 1)]
    public void Write_ProducesNumpysVersion1LayoutWith64ByteAlignedData(ElementType dtype, string descr, string shapeText, int itemSize)
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.npy");
        int[] shape = shapeText switch { "(5,)" => [5], "(2, 3)" => [2, 3], _ => [] };
        var array = new NdArray(shape, dtype, new double[shape.Aggregate(1, (a, b) => a * b)]);

        NpyFile.Write(path, array);

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal([0x93, .. "NUMPY"u8.ToArray(), 1, 0], bytes[..8]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        int dataStart = 10 + headerLength;
        Assert.Equal(0, dataStart % 64);
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Equal($"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}", header.TrimEnd());
        Assert.EndsWith(" \n", header);
        Assert.Equal(array.Count * itemSize, bytes.Length - dataStart);
    }

    [Fact]
    public void Write_UsesVersion2WhenTheHeaderDoesNotFitVersion1()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.npy");
        var array = new NdArray(Enumerable.Repeat(1, 30_000).ToArray(), ElementType.Float64, [42.0]);

        NpyFile.Write(path, array);

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(2, bytes[6]);
        Assert.Equal(0u, (12 + BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8))) % 64);
        Arrays.AssertIdentical(array, NpyFile.Read(path));
    }

    [Fact]
    public void Read_COrder()
    {
        var array = ReadBytes(NpyBytes.Build(NpyBytes.Header("<f8", false, "(2, 3)"), NpyBytes.Doubles(false, 1, 2, 3, 4, 5, 6)));

        Assert.Equal([2, 3], array.Shape);
        Assert.Equal(ElementType.Float64, array.ElementType);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], array.Data);
    }

    [Fact]
    public void Read_FortranOrder_IsConvertedToRowMajor()
    {
        // Column-major bytes of [[1, 2, 3], [4, 5, 6]].
        var array = ReadBytes(NpyBytes.Build(NpyBytes.Header("<f8", true, "(2, 3)"), NpyBytes.Doubles(false, 1, 4, 2, 5, 3, 6)));

        Assert.Equal([2, 3], array.Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], array.Data);
    }

    [Fact]
    public void Read_FortranOrder3D_IsConvertedToRowMajor()
    {
        int[] shape = [2, 3, 4];
        // Element (a, b, c) has value 100a + 10b + c; in Fortran order a varies fastest.
        var fortran = new List<double>();
        for (int c = 0; c < 4; c++)
            for (int b = 0; b < 3; b++)
                for (int a = 0; a < 2; a++)
                    fortran.Add(100 * a + 10 * b + c);

        var array = ReadBytes(NpyBytes.Build(NpyBytes.Header("<f8", true, "(2, 3, 4)"), NpyBytes.Doubles(false, [.. fortran])));

        Assert.Equal(shape, array.Shape);
        int k = 0;
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 3; b++)
                for (int c = 0; c < 4; c++)
                    Assert.Equal(100 * a + 10 * b + c, array.Data[k++]);
    }

    [Fact]
    public void Read_BigEndianFloat64AndFloat32()
    {
        var f8 = ReadBytes(NpyBytes.Build(NpyBytes.Header(">f8", false, "(3,)"), NpyBytes.Doubles(true, 1.5, -0.0, double.Epsilon)));
        var f4 = ReadBytes(NpyBytes.Build(NpyBytes.Header(">f4", false, "(2,)"), NpyBytes.Singles(true, 0.1f, float.MaxValue)));

        Arrays.AssertIdentical(new NdArray([3], ElementType.Float64, [1.5, -0.0, double.Epsilon]), f8);
        Arrays.AssertIdentical(new NdArray([2], ElementType.Float32, [0.1f, float.MaxValue]), f4);
    }

    [Theory]
    [InlineData("|b1")]
    [InlineData("|u1")]
    public void Read_BoolAndUint8_AreMasks(string descr)
    {
        var array = ReadBytes(NpyBytes.Build(NpyBytes.Header(descr, false, "(2, 2)"), [1, 0, 0, 1]));

        Assert.Equal(ElementType.Bool, array.ElementType);
        Assert.Equal([1.0, 0, 0, 1], array.Data);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    public void Read_Versions2And3(int major, int minor)
    {
        var array = ReadBytes(NpyBytes.Build("{\"descr\": \"<f4\", \"shape\": (2,), \"fortran_order\": False}", NpyBytes.Singles(false, 1, 2), major, minor));

        Assert.Equal([1.0, 2], array.Data);
    }

    [Theory]
    [InlineData("{'descr':'<f8','fortran_order':False,'shape':(1,1)}")]
    [InlineData("  { 'shape' : ( 1 , 1 , ) , 'descr' : '<f8' , 'fortran_order' : False , }  ")]
    public void Read_AcceptsAnyKeyOrderAndPythonWhitespace(string header)
    {
        Assert.Equal([1, 1], ReadBytes(NpyBytes.Build(header, NpyBytes.Doubles(false, 3))).Shape);
    }

    [Fact]
    public void Read_Uint8OtherThanZeroOrOne_NamesTheValue()
    {
        var ex = ReadError(NpyBytes.Build(NpyBytes.Header("|u1", false, "(3,)"), [0, 1, 7]));

        Assert.Contains("element 2 has byte value 7", ex.Message);
    }

    [Fact]
    public void Read_TruncatedData_StatesExpectedAndActualByteCounts()
    {
        var ex = ReadError(NpyBytes.Build(NpyBytes.Header("<f8", false, "(2, 3)"), new byte[47]));

        Assert.Contains("data is 47 bytes", ex.Message);
        Assert.Contains("needs exactly 48 bytes", ex.Message);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Read_TrailingBytes_StatesExpectedAndActualByteCounts()
    {
        var ex = ReadError(NpyBytes.Build(NpyBytes.Header("<f4", false, "(2,)"), new byte[9]));

        Assert.Contains("data is 9 bytes", ex.Message);
        Assert.Contains("needs exactly 8 bytes", ex.Message);
        Assert.Contains("trailing", ex.Message);
    }

    [Fact]
    public void Read_HugeShapeWithLittleData_FailsBeforeAllocating()
    {
        var ex = ReadError(NpyBytes.Build(NpyBytes.Header("<f8", false, "(100000, 100000)"), new byte[8]));

        Assert.Contains("too many", ex.Message);
    }

    [Theory]
    [InlineData("<i4", "unsupported dtype '<i4'; supported: '<f4', '<f8', '>f4', '>f8', '|b1', '|u1'")]
    [InlineData("<f2", "unsupported dtype '<f2'")]
    public void Read_UnsupportedDtype_ListsTheSupportedOnes(string descr, string expected)
    {
        Assert.Contains(expected, ReadError(NpyBytes.Build(NpyBytes.Header(descr, false, "(1,)"), new byte[4])).Message);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False}", "missing key 'shape'")]
    [InlineData("{'descr': '<f8', 'shape': (1,)}", "missing key 'fortran_order'")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}", "unexpected key 'extra'")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'descr': '<f8'}", "key 'descr' appears twice")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1)}", "not a tuple; a 1-tuple is written (1,)")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}", "non-negative")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': [1]}", "expected '(' for the value of 'shape'")]
    [InlineData("{'descr': '<f8', 'fortran_order': false, 'shape': (1,)}", "expected True or False")]
    [InlineData("{'descr': '<f8', 'fortran_order': Falsey, 'shape': (1,)}", "expected True or False")]
    [InlineData("{'descr': <f8, 'fortran_order': False, 'shape': (1,)}", "expected a quoted string")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} x", "unexpected text after the header dict")]
    [InlineData("{'descr': '<f8' 'fortran_order': False, 'shape': (1,)}", "expected ',' or '}'")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 99999999999999999999)}", "too large")]
    [InlineData("['descr', '<f8']", "expected '{'")]
    [InlineData("{'descr': '<f8", "unterminated string")]
    public void Read_InvalidHeader_NamesTheProblem(string header, string expected)
    {
        var ex = ReadError(NpyBytes.Build(header, new byte[8]));

        Assert.Contains("invalid .npy header", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Read_BadMagic()
    {
        byte[] bytes = NpyBytes.Build(NpyBytes.Header("<f8", false, "(1,)"), new byte[8]);
        bytes[1] = (byte)'X';

        Assert.Contains("magic string", ReadError(bytes).Message);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    public void Read_UnsupportedVersion(int major, int minor)
    {
        var ex = ReadError(NpyBytes.Build(NpyBytes.Header("<f8", false, "(1,)"), new byte[8], major, minor));

        Assert.Contains($"unsupported .npy format version {major}.{minor}", ex.Message);
    }

    [Fact]
    public void Read_HeaderLengthBeyondTheFile()
    {
        var ex = ReadError(NpyBytes.Build(NpyBytes.Header("<f8", false, "(1,)"), new byte[8], declaredHeaderLength: 60_000));

        Assert.Contains("header length 60000 exceeds", ex.Message);
    }

    [Fact]
    public void Read_HugeVersion2HeaderLength_IsRejectedWithoutAllocating()
    {
        var ex = ReadError(NpyBytes.Build(NpyBytes.Header("<f8", false, "(1,)"), new byte[8], major: 2, declaredHeaderLength: int.MaxValue));

        Assert.Contains("implausibly large", ex.Message);
    }

    [Fact]
    public void Read_Version3HeaderThatIsNotUtf8()
    {
        byte[] bytes = NpyBytes.Build(NpyBytes.Header("<f8", false, "(1,)"), new byte[8], major: 3);
        bytes[14] = 0xFF;

        Assert.Contains("not valid UTF-8", ReadError(bytes).Message);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    public void Read_TooShortFile(int length)
    {
        byte[] bytes = NpyBytes.Build(NpyBytes.Header("<f8", false, "(1,)"), new byte[8])[..length];

        Assert.Contains("too short to be a .npy file", ReadError(bytes).Message);
    }

    [Fact]
    public void Read_FileEndingInsideTheHeader()
    {
        byte[] bytes = NpyBytes.Build(NpyBytes.Header("<f8", false, "(1,)"), [])[..30];

        Assert.Contains("exceeds the 20 bytes left", ReadError(bytes).Message);
    }

    [Fact]
    public void Read_MissingFile_IsAnEoiException()
    {
        using var dir = new TempDirectory();
        string path = dir.File("nope.npy");

        var ex = Assert.Throws<EoiException>(() => NpyFile.Read(path));

        Assert.Equal($"{path}: file not found", ex.Message);
    }

    [Fact]
    public void Write_BoolArrayHoldingTwo_IsRejectedAndWritesNothing()
    {
        using var dir = new TempDirectory();

        var ex = Assert.Throws<EoiArgumentException>(() => NpyFile.Write(dir.File("a.npy"), new NdArray([2], ElementType.Bool, [1, 2])));

        Assert.Contains("element 1 is 2", ex.Message);
        Assert.Empty(dir.FileNames());
    }

    static NdArray ReadBytes(byte[] bytes)
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.npy");
        File.WriteAllBytes(path, bytes);
        return NpyFile.Read(path);
    }

    static EoiFormatException ReadError(byte[] bytes)
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.npy");
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<EoiFormatException>(() => NpyFile.Read(path));
        Assert.Equal(path, ex.Path);
        Assert.StartsWith(path + ": ", ex.Message);
        return ex;
    }
}
