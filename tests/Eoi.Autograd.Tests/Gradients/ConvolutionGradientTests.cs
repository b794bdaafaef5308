using Eoi.Backends;
using Eoi.Core;
using FsCheck;
using FsCheck.Fluent;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests.Gradients;

public class ConvolutionGradientTests
{
    /// <summary>Batch 1-2, channels 1-3, images 3-5 px, kernels 1-3, stride 1-2, padding 0-1, both padding modes.</summary>
    [EoiProperty]
    public Property Conv2dWithStrideAndPadding() =>
        Prop.ForAll(ConvCases().ToArbitrary(), c =>
        {
            Shape xShape = [c.Batch, c.InChannels, c.Height, c.Width], wShape = [c.OutChannels, c.InChannels, c.Kernel, c.Kernel];
            GradientCheck.AssertGradients(
                v =>
                {
                    var x = Leaf(xShape, v[0]);
                    var w = Leaf(wShape, v[1]);
                    return (x.Conv2d(w, c.Stride, c.Padding, c.Mode), [x, w]);
                },
                [Uniform(c.Seed, xShape.ElementCount), Uniform(c.Seed + 1, wShape.ElementCount)], c.Seed);
        });

    [EoiProperty]
    public void AveragePool(Dim batch, Dim channels, Dim extra, bool overlapping, int seed)
    {
        int size = extra + 2;
        Shape shape = [batch, channels, size, size + 1];
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf(shape, v[0]);
            return (overlapping ? x.AvgPool2d(2, stride: 1) : x.AvgPool2d(2), [x]);
        }, [Uniform(seed, shape.ElementCount)], seed);
    }

    /// <summary>A 3x3 circular convolution of a 3x3 image with padding 1 sees every pixel in every window.</summary>
    [Fact]
    public void CircularPaddingWrapsAround()
    {
        var image = Tensor.FromArray(Cpu, [1, 1, 3, 3], new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 });
        var ones = Tensor.Full(Cpu, [1, 1, 3, 3], 1, ElementType.Float64);
        var circular = image.Conv2d(ones, padding: 1, paddingMode: PaddingMode.Circular).ToArray<double>();
        Assert.All(circular, v => Assert.Equal(45, v));
        var zeros = image.Conv2d(ones, padding: 1).ToArray<double>();
        Assert.Equal([12, 21, 16, 27, 45, 33, 24, 39, 28], zeros);
    }

    public sealed record ConvCase(int Batch, int InChannels, int OutChannels, int Height, int Width, int Kernel, int Stride, int Padding, PaddingMode Mode, int Seed);

    internal static Gen<ConvCase> ConvCases() =>
        from batch in Gen.Choose(1, 2)
        from inChannels in Gen.Choose(1, 3)
        from outChannels in Gen.Choose(1, 3)
        from height in Gen.Choose(3, 5)
        from width in Gen.Choose(3, 5)
        from kernel in Gen.Choose(1, 3)
        from stride in Gen.Choose(1, 2)
        from padding in Gen.Choose(0, 1)
        from mode in Gen.Elements(PaddingMode.Zeros, PaddingMode.Circular)
        from seed in ArbMap.Default.GeneratorFor<int>()
        select new ConvCase(batch, inChannels, outChannels, height, width, kernel, stride, padding, mode, seed);
}
