using Eoi.Core;

namespace Eoi.Data.Tests;

public class NormalizationTests
{
    [Fact]
    public void TheConstantsAreThePapers()
    {
        Assert.Equal([0.1307f], Normalization.Mnist.Mean);
        Assert.Equal([0.3081f], Normalization.Mnist.Std);
        Assert.Equal([0.2860f], Normalization.FashionMnist.Mean);
        Assert.Equal([0.3530f], Normalization.FashionMnist.Std);
        Assert.Equal([0.4914f, 0.4822f, 0.4465f], Normalization.Cifar10.Mean);
        Assert.Equal([0.2023f, 0.1994f, 0.2010f], Normalization.Cifar10.Std);
    }

    [Fact]
    public void BlackAndWhiteMapToTheKnownMnistValues()
    {
        // (0 - 0.1307) / 0.3081 and (1 - 0.1307) / 0.3081, the familiar MNIST input range.
        Assert.Equal(-0.424212918, Normalization.Mnist.Apply(0, 0), 6);
        Assert.Equal(2.821486530, Normalization.Mnist.Apply(255, 0), 6);
        Assert.Equal(-0.810198300, Normalization.FashionMnist.Apply(0, 0), 6);
    }

    [Fact]
    public void ValuesFollowTorchvisionsFloat32StepsExactly()
    {
        // ToTensor: float32(b) / 255 in float32; Normalize: (x - mean) / std in float32.
        for (int b = 0; b < 256; b++)
        {
            float x = (float)b / 255f;
            Assert.Equal((x - 0.1307f) / 0.3081f, Normalization.Mnist.Apply((byte)b, 0));
            Assert.Equal((x - 0.4465f) / 0.2010f, Normalization.Cifar10.Apply((byte)b, 2));
        }
    }

    [Fact]
    public void ImagesAreNormalisedPerChannel()
    {
        // Two 1 x 2 RGB images; every pixel is 255, so each value is (1 - mean_c) / std_c of its plane.
        var images = new ImageBytes(2, 3, 1, 2, Enumerable.Repeat((byte)255, 12).ToArray());
        float[] values = Normalization.Cifar10.Apply(images);
        float[] perChannel = [.. Enumerable.Range(0, 3).Select(c => Normalization.Cifar10.Apply(255, c))];
        Assert.Equal([.. perChannel.SelectMany(v => new[] { v, v }), .. perChannel.SelectMany(v => new[] { v, v })], values);
        Assert.NotEqual(perChannel[0], perChannel[1]);
    }

    [Fact]
    public void ChannelCountsMustMatch()
    {
        var gray = new ImageBytes(1, 1, 2, 2, new byte[4]);
        var ex = Assert.Throws<EoiArgumentException>(() => Normalization.Cifar10.Apply(gray));
        Assert.Contains("must have 3 channel(s)", ex.Message);
    }
}
