namespace Eoi.Data.Tests;

public class IdxRoundTripTests
{
    [Theory]
    [InlineData("images-idx3-ubyte")]
    [InlineData("images-idx3-ubyte.gz")]
    public void ImagesAndLabelsSurviveWriteAndRead(string imagesName)
    {
        using var dir = new TempDirectory();
        var images = new ImageBytes(3, 1, 4, 5, IdxBytes.Ramp(60));
        byte[] labels = [7, 0, 9];
        string imagesPath = dir.File(imagesName);
        string labelsPath = dir.File(imagesName.Replace("images-idx3", "labels-idx1"));

        IdxWriter.WriteImages(imagesPath, images);
        IdxWriter.WriteLabels(labelsPath, labels);
        ImageBytes read = IdxReader.ReadImages(imagesPath);

        Assert.Equal((3, 1, 4, 5), (read.Count, read.Channels, read.Height, read.Width));
        Assert.Equal(images.Pixels, read.Pixels);
        Assert.Equal(labels, IdxReader.ReadLabels(labelsPath));
        bool compressed = File.ReadAllBytes(imagesPath) is [0x1f, 0x8b, ..];
        Assert.Equal(imagesName.EndsWith(".gz"), compressed);
    }

    [Fact]
    public void ReadsTheExactBytesOfTheFormatAndDetectsGzipByContentNotName()
    {
        using var dir = new TempDirectory();
        byte[] file = IdxBytes.Images(2, 2, 3, IdxBytes.Ramp(12));
        // Compressed content under a plain name and plain content under a .gz name both read correctly.
        string gzipped = dir.Write("looks-plain", IdxBytes.Gzip(file));
        string plain = dir.Write("looks-compressed.gz", file);

        foreach (string path in new[] { gzipped, plain })
        {
            ImageBytes images = IdxReader.ReadImages(path);
            Assert.Equal((2, 2, 3), (images.Count, images.Height, images.Width));
            Assert.Equal(IdxBytes.Ramp(12), images.Pixels);
            Assert.Equal([6, 7, 8, 9, 10, 11], images.Image(1).ToArray());
        }
    }

    [Fact]
    public void DirectoryRoundTripUsesTheMnistFileNames()
    {
        using var dir = new TempDirectory();
        var train = new LabeledImages(new ImageBytes(2, 1, 2, 2, IdxBytes.Ramp(8)), [1, 2]);
        var test = new LabeledImages(new ImageBytes(1, 1, 2, 2, [9, 8, 7, 6]), [3]);

        IdxDirectory.Write(dir.Path, train, test);
        var (readTrain, readTest) = IdxDirectory.Read(dir.Path, classCount: 10);

        Assert.True(File.Exists(dir.File("train-images-idx3-ubyte.gz")));
        Assert.True(File.Exists(dir.File("t10k-labels-idx1-ubyte.gz")));
        Assert.Equal(train.Images.Pixels, readTrain.Images.Pixels);
        Assert.Equal(train.Labels, readTrain.Labels);
        Assert.Equal(test.Images.Pixels, readTest.Images.Pixels);
        Assert.Equal(test.Labels, readTest.Labels);
    }

    [Fact]
    public void WritingMultiChannelImagesAsIdxIsRefused()
    {
        using var dir = new TempDirectory();
        var rgb = new ImageBytes(1, 3, 2, 2, new byte[12]);
        var ex = Assert.Throws<Eoi.Core.EoiArgumentException>(() => IdxWriter.WriteImages(dir.File("x"), rgb));
        Assert.Contains("single-channel", ex.Message);
    }
}
