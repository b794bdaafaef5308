using Eoi.Core;

namespace Eoi.IO.Tests;

public sealed class MatrixFileTests
{
    [Theory]
    [InlineData("w.npy", ElementType.Float32)]
    [InlineData("w.NPY", ElementType.Bool)]
    [InlineData("w.safetensors", ElementType.Float64)]
    [InlineData("w.mtx", ElementType.Float64)]
    public void WriteThenRead_ChoosesTheFormatByExtension(string name, ElementType dtype)
    {
        using var dir = new TempDirectory();
        string path = dir.File(name);
        var array = Arrays.Random([4, 3], dtype, seed: 3);

        MatrixFile.Write(path, array);

        Arrays.AssertIdentical(array, MatrixFile.Read(path));
    }

    [Fact]
    public void Write_Safetensors_StoresTheArrayAsWeight()
    {
        using var dir = new TempDirectory();
        string path = dir.File("w.safetensors");

        MatrixFile.Write(path, new NdArray([1], ElementType.Float64, [2]));

        Assert.Equal(["weight"], SafetensorsFile.Read(path).Tensors.Keys);
    }

    [Theory]
    [InlineData("w.txt", "(.txt)")]
    [InlineData("weights", "(none)")]
    public void UnknownExtension_ListsTheSupportedOnes(string name, string shown)
    {
        using var dir = new TempDirectory();
        string path = dir.File(name);

        var write = Assert.Throws<EoiArgumentException>(() => MatrixFile.Write(path, new NdArray([1], ElementType.Float64, [2])));
        var read = Assert.Throws<EoiArgumentException>(() => MatrixFile.Read(path));

        Assert.Contains($"from its extension {shown}; supported: .npy, .safetensors, .mtx", write.Message);
        Assert.Equal(write.Message, read.Message);
        Assert.Empty(dir.FileNames());
    }

    [Fact]
    public void Read_Safetensors_PrefersWeightThenTheOnlyTensor()
    {
        using var dir = new TempDirectory();
        var a = new NdArray([1], ElementType.Float64, [1]);
        var b = new NdArray([1], ElementType.Float64, [2]);
        SafetensorsFile.Write(dir.File("both.safetensors"), new Dictionary<string, NdArray> { ["bias"] = a, ["weight"] = b });
        SafetensorsFile.Write(dir.File("one.safetensors"), new Dictionary<string, NdArray> { ["kernel"] = a });

        Assert.Equal([2.0], MatrixFile.Read(dir.File("both.safetensors")).Data);
        Assert.Equal([1.0], MatrixFile.Read(dir.File("one.safetensors")).Data);
    }

    [Fact]
    public void Read_Safetensors_AmbiguousOrEmpty_ListsTheNames()
    {
        using var dir = new TempDirectory();
        var a = new NdArray([1], ElementType.Float64, [1]);
        SafetensorsFile.Write(dir.File("two.safetensors"), new Dictionary<string, NdArray> { ["bias"] = a, ["kernel"] = a });
        SafetensorsFile.Write(dir.File("none.safetensors"), new Dictionary<string, NdArray>());

        var two = Assert.Throws<EoiFormatException>(() => MatrixFile.Read(dir.File("two.safetensors")));
        var none = Assert.Throws<EoiFormatException>(() => MatrixFile.Read(dir.File("none.safetensors")));

        Assert.Contains("holds 2 tensors and none is named 'weight'", two.Message);
        Assert.Contains("tensors: 'bias', 'kernel'", two.Message);
        Assert.Contains("tensors: (none)", none.Message);
    }
}
