using Eoi.Autograd;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Functional;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>Batch normalisation, the op Eoi.Nn defines itself, against finite differences and its definition.</summary>
public class FunctionalGradientTests
{
    static Tensor Leaf(int[] shape, double[] values) => HostTensors.Upload(Cpu, ElementType.Float64, new Shape(shape), values, requiresGrad: true);

    [Theory]
    [InlineData(new[] { 5, 3 })]
    [InlineData(new[] { 2, 3, 2, 3 })]
    public void BatchNormMatchesFiniteDifferences(int[] shape)
    {
        int count = shape.Aggregate(1, (a, b) => a * b), channels = shape[1];
        GradientCheck.Assert(inputs =>
        {
            var x = Leaf(shape, inputs[0]);
            var gamma = Leaf([channels], inputs[1]);
            var beta = Leaf([channels], inputs[2]);
            return (x.BatchNorm(gamma, beta, 1e-5).Output, [x, gamma, beta]);
        }, [Uniform(1, count, -2, 2), Uniform(2, channels, 0.5, 1.5), Uniform(3, channels)], seed: 4);
    }

    /// <summary>In evaluation mode the statistics are constants: only x, gamma and beta get gradients.</summary>
    [Theory]
    [InlineData(new[] { 5, 3 })]
    [InlineData(new[] { 2, 3, 2, 3 })]
    public void BatchNormInferenceMatchesFiniteDifferences(int[] shape)
    {
        int count = shape.Aggregate(1, (a, b) => a * b), channels = shape[1];
        GradientCheck.Assert(inputs =>
        {
            var x = Leaf(shape, inputs[0]);
            var gamma = Leaf([channels], inputs[1]);
            var beta = Leaf([channels], inputs[2]);
            var mean = HostTensors.Upload(Cpu, ElementType.Float64, [channels], Uniform(10, channels));
            var variance = HostTensors.Upload(Cpu, ElementType.Float64, [channels], Uniform(11, channels, 0.5, 2));
            return (x.BatchNormInference(gamma, beta, mean, variance, 1e-5), [x, gamma, beta]);
        }, [Uniform(1, count, -2, 2), Uniform(2, channels, 0.5, 1.5), Uniform(3, channels)], seed: 5);
    }

    [Fact]
    public void BatchNormNormalisesEachChannel()
    {
        using var scope = TensorScope.Begin();
        var x = HostTensors.Upload(Cpu, ElementType.Float64, [4, 2, 3, 3], Uniform(5, 72, -3, 7));
        var ones = HostTensors.Upload(Cpu, ElementType.Float64, [2], [1.0, 1.0]);
        var zeros = HostTensors.Upload(Cpu, ElementType.Float64, [2], [0.0, 0.0]);
        var (y, statistics) = x.BatchNorm(ones, zeros, 1e-12);
        var values = HostTensors.Read(y);
        for (int c = 0; c < 2; c++)
        {
            var channel = Enumerable.Range(0, 4).SelectMany(n => values.Skip((n * 2 + c) * 9).Take(9)).ToArray();
            Assert.Equal(0, channel.Average(), 12);
            Assert.Equal(1, channel.Select(v => v * v).Average(), 12);
        }
        Assert.Equal(36, statistics.SamplesPerChannel);
    }

    /// <summary>
    /// The device op gives, in float64, the values and gradients of batch normalisation composed from elementary
    /// differentiable ops (how Eoi.Nn computed it before it had the op): means and variances by Mean over axes,
    /// 1/sqrt(var + eps) from a host computation of the same constants. The bound: both sides are chains of at
    /// most ~20 roundings of values below 10 per element, plus sums of 36 terms, so they agree to ~1e-13;
    /// 1e-12 leaves a factor of ten.
    /// </summary>
    [Fact]
    public void BatchNormEqualsItsCompositionFromElementaryOps()
    {
        const double Agreement = 1e-12, Epsilon = 1e-5;
        using var scope = TensorScope.Begin();
        var values = Uniform(21, 72, -3, 7);
        var weights = Uniform(22, 72);
        var gammaValues = Uniform(23, 2, 0.5, 1.5);
        var betaValues = Uniform(24, 2);

        var x = Leaf([4, 2, 3, 3], values);
        var gamma = Leaf([2], gammaValues);
        var beta = Leaf([2], betaValues);
        var (y, _) = x.BatchNorm(gamma, beta, Epsilon);
        y.Backward(HostTensors.Constant(y, y.Shape, weights));

        var x2 = Leaf([4, 2, 3, 3], values);
        var gamma2 = Leaf([2], gammaValues);
        var beta2 = Leaf([2], betaValues);
        int[] spread = [0, 2, 3];
        var mean = x2.Mean(spread, keepDimensions: true);
        var centred = x2.Add(mean.Scale(-1).BroadcastTo(x2.Shape));
        var variance = centred.Multiply(centred).Mean(spread, keepDimensions: true);
        // d/dv (v + eps)^(-1/2) = -(v + eps)^(-3/2) / 2, as a first-order expansion around the current v.
        var v0 = HostTensors.Read(variance);
        var inverseStd = variance.Multiply(HostTensors.Constant(variance, variance.Shape, [.. v0.Select(v => -0.5 * Math.Pow(v + Epsilon, -1.5))]))
            .Add(HostTensors.Constant(variance, variance.Shape, [.. v0.Select(v => 1 / Math.Sqrt(v + Epsilon) + 0.5 * v * Math.Pow(v + Epsilon, -1.5))]));
        var y2 = centred.Multiply(inverseStd.Multiply(gamma2.Reshape([1, 2, 1, 1])).BroadcastTo(x2.Shape)).AddBias(beta2);
        y2.Backward(HostTensors.Constant(y2, y2.Shape, weights));

        AssertClose(HostTensors.Read(y2), HostTensors.Read(y), Agreement);
        foreach (var (composed, op) in new[] { (x2, x), (gamma2, gamma), (beta2, beta) })
            AssertClose(HostTensors.Read(composed.Grad!), HostTensors.Read(op.Grad!), Agreement);
    }

    static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"element {i}: composed {expected[i]:R}, device op {actual[i]:R}");
    }
}
