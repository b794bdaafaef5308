using Eoi.Core;

using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests.Gradients;

public class DenseGradientTests
{
    [EoiProperty]
    public void MatMulWithTransposes(Dim m, Dim k, Dim n, bool transposeA, bool transposeB, int seed)
    {
        Shape aShape = transposeA ? [k, m] : [m, k], bShape = transposeB ? [n, k] : [k, n];
        GradientCheck.AssertGradients(
            v => Two(Leaf(aShape, v[0]), Leaf(bShape, v[1]), (a, b) => a.MatMul(b, transposeA, transposeB)),
            [Uniform(seed, m * k), Uniform(seed + 1, k * n)], seed);
    }

    [EoiProperty]
    public void BiasAddOverChannels(Dim batch, Dim channels, Dim inner, bool image, int seed)
    {
        Shape xShape = image ? [batch, channels, inner, 2] : [batch, channels];
        GradientCheck.AssertGradients(
            v => Two(Leaf(xShape, v[0]), Leaf([channels], v[1]), (x, b) => x.AddBias(b)),
            [Uniform(seed, xShape.ElementCount), Uniform(seed + 1, channels)], seed);
    }

    /// <summary>Channels on any axis, e.g. axis 0 of feature-major activations [features, batch].</summary>
    [EoiProperty]
    public void BiasAddAlongAnyAxis(Dim a, Dim b, Dim c, byte axisChoice, int seed)
    {
        Shape xShape = [a, b, c];
        int axis = axisChoice % 3;
        int channels = xShape[axis];
        GradientCheck.AssertGradients(
            v => Two(Leaf(xShape, v[0]), Leaf([channels], v[1]), (x, bias) => x.AddBias(bias, axis)),
            [Uniform(seed, xShape.ElementCount), Uniform(seed + 1, channels)], seed);
    }

    [EoiProperty]
    public void Transpose(Dim rows, Dim cols, int seed)
    {
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf([rows, cols], v[0]);
            return (x.Transpose(), [x]);
        }, [Uniform(seed, rows * cols)], seed);
    }

    [EoiProperty]
    public void AddAndMultiply(Dim rows, Dim cols, bool multiply, int seed)
    {
        Shape shape = [rows, cols];
        GradientCheck.AssertGradients(
            v => Two(Leaf(shape, v[0]), Leaf(shape, v[1]), (a, b) => multiply ? a.Multiply(b) : a.Add(b)),
            [Uniform(seed, shape.ElementCount), Uniform(seed + 1, shape.ElementCount)], seed);
    }

    /// <summary>The same tensor on both sides: its gradient must collect both contributions (2x, or 2a).</summary>
    [EoiProperty]
    public void InputUsedTwiceAccumulates(Dim rows, Dim cols, bool multiply, int seed)
    {
        Shape shape = [rows, cols];
        GradientCheck.AssertGradients(v =>
        {
            var a = Leaf(shape, v[0]);
            return (multiply ? a.Multiply(a) : a.Add(a), [a]);
        }, [Uniform(seed, shape.ElementCount)], seed);
    }

    [EoiProperty]
    public void SumAndMean(Dim a, Dim b, Dim c, bool mean, int seed)
    {
        Shape shape = [a, b, c];
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf(shape, v[0]);
            return (mean ? x.Mean() : x.Sum(), [x]);
        }, [Uniform(seed, shape.ElementCount)], seed);
    }

    [EoiProperty]
    public void ReshapeAndFlatten(Dim a, Dim b, Dim c, bool flatten, int seed)
    {
        Shape shape = [a, b, c];
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf(shape, v[0]);
            // Multiplying by a fixed tensor after the reshape makes the check sensitive to where each element went.
            var reshaped = flatten ? x.Flatten() : x.Reshape([c, a * b]);
            var weights = Tensor.FromArray(Cpu, reshaped.Shape, Uniform(seed + 7, reshaped.Count));
            return (reshaped.Multiply(weights), [x]);
        }, [Uniform(seed, shape.ElementCount)], seed);
    }

    static (Tensor, Tensor[]) Two(Tensor a, Tensor b, Func<Tensor, Tensor, Tensor> f) => (f(a, b), [a, b]);
}
