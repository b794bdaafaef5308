using Eoi.Autograd;
using Eoi.Core.Backend;
using Eoi.Nn.Functional;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>The ops Eoi.Nn composes itself (batch norm, max pool, channel sums) against finite differences.</summary>
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

    [Fact]
    public void MaxPoolMatchesFiniteDifferences() =>
        GradientCheck.Assert(inputs =>
        {
            var x = Leaf([2, 2, 5, 4], inputs[0]);
            return (x.MaxPool2d(2), [x]);
        }, [Uniform(6, 80, -2, 2)], seed: 7);

    [Fact]
    public void MaxPoolTakesEachWindowsMaximum()
    {
        using var scope = TensorScope.Begin();
        var x = HostTensors.Upload(Cpu, ElementType.Float32, [1, 1, 2, 4], [1, -5, 3, 2, 4, 0.5, -1, 7]);
        Assert.Equal([4.0, 7.0], HostTensors.Read(x.MaxPool2d(2)));
    }

    [Fact]
    public void ChannelSumMatchesFiniteDifferences() =>
        GradientCheck.Assert(inputs =>
        {
            var x = Leaf([3, 2, 2, 2], inputs[0]);
            return (x.ChannelSum().BroadcastChannels([2, 2, 1, 1]), [x]);
        }, [Uniform(8, 24)], seed: 9);
}
