using Eoi.Core;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests.Gradients;

/// <summary>The ops that keep training on the device (sums and means over axes, broadcasting, scaling, max
/// pooling) against central differences in float64.</summary>
public class DeviceOpGradientTests
{
    /// <summary>Any subset of the four axes (from the bits of <paramref name="axisBits"/>), kept or dropped.</summary>
    [EoiProperty]
    public void SumAndMeanOverAxes(Dim a, Dim b, Dim c, Dim d, byte axisBits, bool mean, bool keepDimensions, int seed)
    {
        Shape shape = [a, b, c, d];
        int[] axes = [.. Enumerable.Range(0, 4).Where(axis => (axisBits >> axis & 1) == 1)];
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf(shape, v[0]);
            return (mean ? x.Mean(axes, keepDimensions) : x.Sum(axes, keepDimensions), [x]);
        }, [Uniform(seed, shape.ElementCount)], seed);
    }

    [EoiProperty]
    public void BroadcastToSizeOneAxes(Dim a, Dim b, Dim c, byte axisBits, int seed)
    {
        Shape target = [a + 1, b, c + 1];
        var dims = target.Dimensions.ToArray();
        for (int axis = 0; axis < 3; axis++)
            if ((axisBits >> axis & 1) == 1) dims[axis] = 1;
        Shape shape = new(dims);
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf(shape, v[0]);
            return (x.BroadcastTo(target), [x]);
        }, [Uniform(seed, shape.ElementCount)], seed);
    }

    [EoiProperty]
    public void Scale(Dim rows, Dim cols, int seed)
    {
        double factor = Uniform(seed + 3, 1, -3, 3)[0];
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf([rows, cols], v[0]);
            return (x.Scale(factor), [x]);
        }, [Uniform(seed, rows * cols)], seed);
    }

    /// <summary>Distinct seeded values: ties (where the arg-max, and so the gradient, jumps) have probability 0,
    /// and two values of a window closer than the step 1e-6 have probability about 1e-5 per case.</summary>
    [EoiProperty]
    public void MaxPool(Dim batch, Dim channels, Dim extra, bool overlapping, int seed)
    {
        int size = extra + 2;
        Shape shape = [batch, channels, size, size + 1];
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf(shape, v[0]);
            return (overlapping ? x.MaxPool2d(2, stride: 1) : x.MaxPool2d(2), [x]);
        }, [Uniform(seed, shape.ElementCount)], seed);
    }

    [Fact]
    public void MaxPoolTakesEachWindowsFirstMaximum()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(Cpu, [1, 1, 2, 4], new double[] { 1, -5, 3, 7, 4, 0.5, -1, 7 }, requiresGrad: true);
        var y = x.MaxPool2d(2);
        Assert.Equal([4.0, 7.0], y.ToArray<double>());
        y.Sum().Backward();
        Assert.Equal([0.0, 0, 0, 1, 1, 0, 0, 0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void SumOverAxesKeepsOrDropsThem()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(Cpu, [2, 3, 2], [.. Enumerable.Range(0, 12).Select(v => (double)v)]);
        Assert.Equal(new Shape(3), x.Sum([0, 2]).Shape);
        Assert.Equal([14.0, 22, 30], x.Sum([0, 2]).ToArray<double>());
        Assert.Equal(new Shape(1, 3, 1), x.Mean([0, 2], keepDimensions: true).Shape);
        Assert.Equal([3.5, 5.5, 7.5], x.Mean([0, 2], keepDimensions: true).ToArray<double>());
        Assert.Equal(Shape.Scalar, x.Sum().Shape);
        Assert.Equal(66, x.Sum().Item());
    }

    [Fact]
    public void BadAxesAndShapesAreRejectedByName()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.Zeros(Cpu, [2, 3], ElementType.Float64);
        Assert.Contains("axes must lie in [0, 1]", Assert.Throws<EoiArgumentException>(() => x.Sum([2])).Message);
        Assert.Contains("distinct", Assert.Throws<EoiArgumentException>(() => x.Sum([1, 1])).Message);
        Assert.Contains("axis 1 differs", Assert.Throws<EoiArgumentException>(() => x.BroadcastTo([2, 4])).Message);
    }
}
