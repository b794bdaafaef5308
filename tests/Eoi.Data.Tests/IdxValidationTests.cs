using Eoi.Core;

namespace Eoi.Data.Tests;

public class IdxValidationTests
{
    static EoiFormatException ImagesError(byte[] file, string name = "images")
    {
        using var dir = new TempDirectory();
        string path = dir.Write(name, file);
        var ex = Assert.Throws<EoiFormatException>(() => IdxReader.ReadImages(path));
        Assert.Equal(path, ex.Path);
        Assert.StartsWith(path + ": ", ex.Message);
        return ex;
    }

    [Fact]
    public void ALabelsFileIsNotAnImagesFile()
    {
        var ex = ImagesError(IdxBytes.Labels([1, 2, 3]));
        Assert.Contains("bad magic 0x00000801; expected 0x00000803", ex.Message);
    }

    [Fact]
    public void AnImagesFileIsNotALabelsFile()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("labels", IdxBytes.Images(1, 1, 1, [0]));
        var ex = Assert.Throws<EoiFormatException>(() => IdxReader.ReadLabels(path));
        Assert.Contains("bad magic 0x00000803; expected 0x00000801", ex.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ArbitraryBytesHaveABadMagic(bool gzip)
    {
        byte[] text = "hello, world"u8.ToArray();
        var ex = ImagesError(gzip ? IdxBytes.Gzip(text) : text);
        Assert.Contains("bad magic 0x68656c6c", ex.Message);
    }

    [Theory]
    [InlineData(false, "24 bytes follow the header")]
    [InlineData(true, "more data follows (after gunzip)")]
    public void DimensionsThatDescribeLessThanTheFileAreRejected(bool gzip, string found)
    {
        byte[] file = IdxBytes.Images(2, 3, 3, IdxBytes.Ramp(24));
        var ex = ImagesError(gzip ? IdxBytes.Gzip(file) : file);
        Assert.Contains("the 2 x 3 x 3 pixels takes 18 bytes but " + found, ex.Message);
        Assert.Contains("dimensions do not match the file length", ex.Message);
    }

    [Theory]
    [InlineData(false, "only 10 are present")]
    [InlineData(true, "only 10 are present (after gunzip)")]
    public void TruncatedPixelsAreRejected(bool gzip, string present)
    {
        byte[] file = IdxBytes.Images(2, 3, 3, IdxBytes.Ramp(10));
        var ex = ImagesError(gzip ? IdxBytes.Gzip(file) : file);
        Assert.Contains("truncated: the 2 x 3 x 3 pixels needs 18 bytes but " + present, ex.Message);
    }

    [Fact]
    public void ALyingGzipHeaderFailsFastWithoutAllocatingItsClaim()
    {
        // 60,000 x 28 x 28 claimed, 100 bytes present: the reader must stop at the real end of the data.
        var ex = ImagesError(IdxBytes.Gzip(IdxBytes.Images(60000, 28, 28, IdxBytes.Ramp(100))));
        Assert.Contains("needs 47040000 bytes but only 100 are present", ex.Message);
    }

    [Fact]
    public void AClaimLargerThanOneArrayIsRejectedBeforeAllocation()
    {
        var ex = ImagesError(IdxBytes.Images(65536, 65536, 1, []));
        Assert.Contains("would need 4294967296 bytes, more than one array can hold", ex.Message);
    }

    [Theory]
    [InlineData(0u, "dimension 0 is 0")]
    [InlineData(0x80000000u, "dimension 0 is 2147483648")]
    public void DimensionsOutsideOneToIntMaxAreRejected(uint count, string expected)
    {
        var ex = ImagesError(IdxBytes.File(0x00000803, [count, 28, 28], []));
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData(0, "IDX magic number: needs 4 bytes, only 0 present")]
    [InlineData(10, "IDX dimension sizes: needs 12 bytes, only 6 present")]
    public void AFileEndingInsideTheHeaderIsTruncated(int length, string expected)
    {
        byte[] file = IdxBytes.Images(1, 2, 2, [1, 2, 3, 4])[..length];
        var ex = ImagesError(file);
        Assert.Contains("file ends inside the " + expected, ex.Message);
    }

    [Fact]
    public void CorruptGzipDataIsAFormatError()
    {
        byte[] file = IdxBytes.Gzip(IdxBytes.Images(4, 28, 28, IdxBytes.Ramp(4 * 784)));
        for (int i = 10; i < file.Length - 8; i++)
            file[i] ^= 0x5a;
        var ex = ImagesError(file);
        Assert.Contains("corrupt gzip data", ex.Message);
    }

    [Fact]
    public void ImagesAndLabelsMustAgreeInCount()
    {
        using var dir = new TempDirectory();
        string images = dir.Write("train-images-idx3-ubyte", IdxBytes.Images(3, 1, 1, [1, 2, 3]));
        string labels = dir.Write("train-labels-idx1-ubyte", IdxBytes.Labels([1, 2]));

        var ex = Assert.Throws<EoiFormatException>(() => IdxReader.ReadLabeled(images, labels, 10));
        Assert.Equal(labels, ex.Path);
        Assert.Contains($"holds 2 labels but {images} holds 3 images", ex.Message);
    }

    [Fact]
    public void LabelsMustBeBelowTheClassCount()
    {
        using var dir = new TempDirectory();
        string images = dir.Write("i", IdxBytes.Images(3, 1, 1, [1, 2, 3]));
        string labels = dir.Write("l", IdxBytes.Labels([1, 10, 2]));

        var ex = Assert.Throws<EoiFormatException>(() => IdxReader.ReadLabeled(images, labels, 10));
        Assert.Contains("label 10 at index 1 is outside 0..9", ex.Message);
    }

    [Fact]
    public void MissingFilesAreNamed()
    {
        using var dir = new TempDirectory();
        var missingFile = Assert.Throws<EoiException>(() => IdxReader.ReadImages(dir.File("nope")));
        Assert.Equal($"{dir.File("nope")}: file not found", missingFile.Message);

        dir.Write("train-images-idx3-ubyte.gz", IdxBytes.Gzip(IdxBytes.Images(1, 1, 1, [0])));
        var missingSet = Assert.Throws<EoiException>(() => IdxDirectory.Read(dir.Path, 10));
        Assert.Contains("neither train-labels-idx1-ubyte nor train-labels-idx1-ubyte.gz found", missingSet.Message);
    }
}
