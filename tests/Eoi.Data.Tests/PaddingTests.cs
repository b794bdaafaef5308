using Eoi.Core;

namespace Eoi.Data.Tests;

/// <summary>Zero-padding digits to 32 x 32 for the convolutional networks (the LeNet convention).</summary>
public class PaddingTests
{
    [Fact]
    public void PadsEachImageCentredWithZeros()
    {
        // Two 1 x 2 x 2 images padded to 4 x 4: one zero row and column on each side.
        var images = new ImageBytes(2, 1, 2, 2, [1, 2, 3, 4, 5, 6, 7, 8]).PadTo(4);
        Assert.Equal((2, 1, 4, 4), (images.Count, images.Channels, images.Height, images.Width));
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0 }, images.Image(0).ToArray());
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 5, 6, 0, 0, 7, 8, 0, 0, 0, 0, 0 }, images.Image(1).ToArray());
    }

    [Fact]
    public void AnOddDifferencePutsTheExtraPixelBelowAndRight()
    {
        var images = new ImageBytes(1, 1, 1, 1, [9]).PadTo(2);
        Assert.Equal(new byte[] { 9, 0, 0, 0 }, images.Image(0).ToArray());
    }

    [Fact]
    public void LeavesImagesThatAreLargeEnoughAlone()
    {
        var images = new ImageBytes(1, 3, 32, 32, new byte[3 * 32 * 32]);
        Assert.Same(images, images.PadTo(32));
        Assert.Same(images, images.PadTo(28));
    }

    [Fact]
    public void TheSampleLoadsAs32By32DigitsWhosePaddingIsBackground()
    {
        var stored = DataSources.Load(DataSources.Sample);
        var padded = DataSources.Load(DataSources.Sample, padTo: 32);
        Assert.Null(stored.PaddedFrom);
        Assert.Equal([1, 28, 28], padded.PaddedFrom!);
        Assert.Equal([1, 32, 32], padded.Train.SampleShape);
        Assert.Equal(stored.Train.Count, padded.Train.Count);
        // Row 2, column 2 of the padded image is row 0, column 0 of the stored one; the border reads as a
        // normalised raw 0, as the stored digits' own background does.
        var first = padded.Train.Input(0);
        Assert.Equal(stored.Train.Input(0)[0], first[2 * 32 + 2]);
        float background = Normalization.Mnist.Apply(0, 0);
        Assert.Equal(background, first[0]);
        Assert.Equal("1 x 28 x 28 zero-padded to 1 x 32 x 32", padded.SplitValidation().ImageDescription);
    }

    [Fact]
    public void RejectsAPaddingSideOutOfRange()
    {
        var error = Assert.Throws<EoiArgumentException>(() => DataSources.Load(DataSources.Sample, padTo: -1));
        Assert.Contains("padTo", error.Message);
        Assert.Contains("-1", error.Message);
    }
}
