using System.Buffers.Binary;
using System.Text;
using Eoi.Core;

namespace Eoi.IO.Tests;

public sealed class SafetensorsFileTests
{
    [Fact]
    public void WriteThenRead_RoundTripsEveryTensorAndTheMetadataExactly()
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.safetensors");
        var tensors = new Dictionary<string, NdArray>
        {
            ["weight"] = Arrays.Random([3, 4], ElementType.Float64, seed: 1),
            ["half"] = Arrays.Random([2, 5], ElementType.Float32, seed: 2),
            ["mask"] = Arrays.Random([3, 4], ElementType.Bool, seed: 3),
            ["scalar"] = new NdArray([], ElementType.Float64, [-0.0]),
            ["empty"] = new NdArray([0, 7], ElementType.Float32, []),
            ["awkward"] = Arrays.Awkward(ElementType.Float64),
        };
        var metadata = new Dictionary<string, string> { ["seed"] = "42", ["tool"] = "eoi \"quoted\" ü" };

        SafetensorsFile.Write(path, tensors, metadata);
        var content = SafetensorsFile.Read(path);

        Assert.Equal(tensors.Keys.Order(StringComparer.Ordinal), content.Tensors.Keys);
        foreach (var (name, array) in tensors)
            Arrays.AssertIdentical(array, content.Tensors[name]);
        Assert.Equal(metadata.OrderBy(p => p.Key), content.Metadata.OrderBy(p => p.Key));
    }

    [Fact]
    public void Read_WithoutMetadata_GivesEmptyMetadata()
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.safetensors");

        SafetensorsFile.Write(path, new Dictionary<string, NdArray> { ["x"] = new NdArray([1], ElementType.Float64, [1]) });

        Assert.Empty(SafetensorsFile.Read(path).Metadata);
    }

    [Fact]
    public void Write_IsDeterministicAndLaysTensorsOutByName()
    {
        using var dir = new TempDirectory();
        var a = new NdArray([2], ElementType.Float32, [1, 2]);
        var b = new NdArray([1], ElementType.Float64, [3]);
        var mask = new NdArray([3], ElementType.Bool, [1, 0, 1]);

        SafetensorsFile.Write(dir.File("1.safetensors"), new Dictionary<string, NdArray> { ["b"] = b, ["a"] = a, ["m"] = mask },
                              new Dictionary<string, string> { ["z"] = "1", ["y"] = "2" });
        SafetensorsFile.Write(dir.File("2.safetensors"), new Dictionary<string, NdArray> { ["m"] = mask, ["a"] = a, ["b"] = b },
                              new Dictionary<string, string> { ["y"] = "2", ["z"] = "1" });

        byte[] bytes = File.ReadAllBytes(dir.File("1.safetensors"));
        Assert.Equal(bytes, File.ReadAllBytes(dir.File("2.safetensors")));
        int headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        Assert.Equal(
            "{\"__metadata__\":{\"y\":\"2\",\"z\":\"1\"}," +
            "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}," +
            "\"b\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}," +
            "\"m\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[16,19]}}",
            Encoding.UTF8.GetString(bytes, 8, headerLength).TrimEnd(' '));
        Assert.Equal(8 + headerLength + 19, bytes.Length);
        Assert.Equal(new byte[] { 1, 0, 1 }, bytes[^3..]);
    }

    [Fact]
    public void Read_KeepsHeaderOrderEvenWhenTheBufferIsInAnotherOrder()
    {
        byte[] buffer = [.. NpyBytes.Doubles(false, 1.5), .. NpyBytes.Singles(false, 2.5f), 1, 0];
        var content = ReadBytes(Build(
            "{\"z\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[12,14]}," +
            "\"y\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]}," +
            "\"x\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[8,12]}}", buffer));

        Assert.Equal(["z", "y", "x"], content.Tensors.Keys);
        Arrays.AssertIdentical(new NdArray([2], ElementType.Bool, [1, 0]), content.Tensors["z"]);
        Arrays.AssertIdentical(new NdArray([], ElementType.Float64, [1.5]), content.Tensors["y"]);
        Arrays.AssertIdentical(new NdArray([1, 1], ElementType.Float32, [2.5]), content.Tensors["x"]);
    }

    [Fact]
    public void Read_EmptyFileHeader_IsAFileWithNoTensors()
    {
        Assert.Empty(ReadBytes(Build("{}", [])).Tensors);
    }

    [Theory]
    [InlineData("{\"w\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]}}", 2, "unsupported dtype 'F16'; supported: F64, F32, BOOL, U8")]
    [InlineData("{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}", 8, "data_offsets [0, 16] are not a range within the 8-byte data buffer")]
    [InlineData("{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8, "data_offsets [8, 0] are not a range")]
    [InlineData("{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "span 8 bytes but shape (2) of F64 needs 16 bytes")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "tensor 'b' data_offsets [4, 8] overlap tensor 'a'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "bytes [0, 4) of the data buffer belong to no tensor")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8, "bytes [4, 8) at the end of the data buffer belong to no tensor")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4, "tensor 'a' has no 'data_offsets'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"extra\":1}}", 4, "tensor 'a' has unexpected key 'extra'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4, "tensor 'a' shape must be an array of non-negative integers; got -1")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", 4, "got 1.5")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":3,\"data_offsets\":[0,4]}}", 4, "tensor 'a' shape must be an array")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,4]}}", 4, "data_offsets must be [begin, end]; got 3 numbers")]
    [InlineData("{\"a\":{\"dtype\":7,\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "dtype must be a string")]
    [InlineData("{\"a\":[1,2]}", 4, "tensor 'a' must be a JSON object; got Array")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "lists 'a' twice")]
    [InlineData("{\"__metadata__\":{\"k\":1}}", 0, "'__metadata__' value of 'k' must be a string")]
    [InlineData("{\"__metadata__\":[]}", 0, "'__metadata__' must be a JSON object of strings")]
    [InlineData("[1, 2]", 0, "safetensors header must be a JSON object; got Array")]
    [InlineData("{\"a\":", 0, "safetensors header is not valid JSON")]
    [InlineData("{\"a\":{\"dtype\":\"F64\",\"shape\":[100000,100000,100000],\"data_offsets\":[0,8]}}", 8, "too many for one array")]
    public void Read_InvalidHeader_NamesTheProblem(string json, int bufferLength, string expected)
    {
        Assert.Contains(expected, ReadError(Build(json, new byte[bufferLength])).Message);
    }

    [Fact]
    public void Read_U8OtherThanZeroOrOne_NamesTheValue()
    {
        var ex = ReadError(Build("{\"m\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]}}", [1, 3]));

        Assert.Contains("tensor 'm' (U8): element 1 has byte value 3", ex.Message);
    }

    [Fact]
    public void Read_HeaderThatIsNotUtf8()
    {
        byte[] bytes = Build("{\"a\":{}}", []);
        bytes[10] = 0xFF;

        Assert.Contains("not valid UTF-8", ReadError(bytes).Message);
    }

    [Fact]
    public void Read_HeaderLengthBeyondTheFile()
    {
        Assert.Contains("header length 1000 exceeds the 2 bytes left", ReadError(Build("{}", [], declaredLength: 1000)).Message);
        Assert.Contains("header length 18446744073709551615 exceeds", ReadError(Build("{}", [], declaredLength: ulong.MaxValue)).Message);
    }

    [Theory]
    [InlineData(7)]
    public void Read_TooShortFile(int length)
    {
        Assert.Contains("too short to be a safetensors file", ReadError(new byte[length]).Message);
    }

    [Theory]
    [InlineData("__metadata__")]
    [InlineData("")]
    public void Write_RejectsReservedOrEmptyNames(string name)
    {
        using var dir = new TempDirectory();

        Assert.Throws<EoiArgumentException>(() => SafetensorsFile.Write(dir.File("t.safetensors"),
            new Dictionary<string, NdArray> { [name] = new NdArray([1], ElementType.Float64, [1]) }));
        Assert.Empty(dir.FileNames());
    }

    static byte[] Build(string json, byte[] buffer, ulong? declaredLength = null)
    {
        byte[] header = Encoding.UTF8.GetBytes(json);
        var bytes = new byte[8 + header.Length + buffer.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, declaredLength ?? (ulong)header.Length);
        header.CopyTo(bytes, 8);
        buffer.CopyTo(bytes, 8 + header.Length);
        return bytes;
    }

    static SafetensorsContent ReadBytes(byte[] bytes)
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.safetensors");
        File.WriteAllBytes(path, bytes);
        return SafetensorsFile.Read(path);
    }

    static EoiFormatException ReadError(byte[] bytes)
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.safetensors");
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<EoiFormatException>(() => SafetensorsFile.Read(path));
        Assert.Equal(path, ex.Path);
        return ex;
    }
}
