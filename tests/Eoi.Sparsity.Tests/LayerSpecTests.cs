using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class LayerSpecTests
{
    [Fact]
    public void ShapesFollowThePyTorchLayout()
    {
        var fc = LayerSpec.Linear("fc", 10, 100);
        var conv = LayerSpec.Conv("conv", 16, 3, 3, 5);
        Assert.Equal([10, 100], fc.Shape);
        Assert.Equal(1000, fc.Count);
        Assert.Equal(100, fc.FanIn);
        Assert.Equal([16, 3, 3, 5], conv.Shape);
        Assert.Equal(16 * 3 * 15, conv.Count);
        Assert.Equal(45, conv.FanIn);
        Assert.True(conv.IsImageInputConv);
        Assert.False(LayerSpec.Linear("x", 16, 3).IsImageInputConv);
    }

    [Theory]
    [InlineData(0, 3, 3, 3, "out")]
    [InlineData(4, -1, 3, 3, "in")]
    [InlineData(4, 3, 0, 3, "kernel height")]
    [InlineData(4, 3, 3, -2, "kernel width")]
    public void NonPositiveDimensionsAreRejected(int o, int i, int kh, int kw, string parameter) =>
        Rejections.AssertRejected(() => LayerSpec.Conv("c", o, i, kh, kw), parameter, ">= 1");

    [Fact]
    public void OversizedLayersAreRejected() =>
        Rejections.AssertRejected(() => LayerSpec.Conv("c", 100_000, 100_000, 3, 3), "shape", "at most");
}
