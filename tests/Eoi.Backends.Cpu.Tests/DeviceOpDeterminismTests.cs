using Eoi.Backends.Cpu.Tests.Support;
using Eoi.Core;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>Sums along an axis and the batch-norm kernels give the same bits on 1, 2, 3 threads and all cores:
/// rows and channels are shared among threads whole, and each one's summation order is fixed by the layout.
/// Every problem here is above <see cref="ReductionLoops.ShareAboveElements"/>.</summary>
public class DeviceOpDeterminismTests
{
    static readonly int[] Parallelism = [1, 2, 3, -1];

    [Theory]
    [InlineData(64, 2048, 1)]
    [InlineData(16, 256, 33)]
    [InlineData(1, 1 << 17, 1)]
    public void SumAxisBitsDoNotDependOnThreads(int outer, int reduced, int inner)
    {
        var layout = new ReductionLayout(outer, reduced, inner);
        Assert.True(layout.Length >= ReductionLoops.ShareAboveElements, "the sum would stay on one thread");
        var x = TestData.ToFloat(TestData.Uniform(layout.Length, 3));
        AssertSameBits(backend =>
        {
            using var input = Upload(backend, x);
            using var output = backend.Allocate(ElementType.Float32, layout.ReducedLength);
            backend.SumAxis(layout, 0.5, input, output);
            return [Download(backend, output)];
        });
    }

    [Theory]
    [InlineData(8, 16, 1024, true)]
    [InlineData(1024, 128, 1, false)]
    public void BatchNormBitsDoNotDependOnThreads(int outer, int channels, int inner, bool batchStatistics)
    {
        var layout = new ChannelLayout(outer, channels, inner);
        Assert.True(layout.Length >= ReductionLoops.ShareAboveElements, "batch norm would stay on one thread");
        var x = TestData.ToFloat(TestData.Uniform(layout.Length, 4));
        var dy = TestData.ToFloat(TestData.Uniform(layout.Length, 5));
        var gamma = TestData.ToFloat(TestData.Uniform(channels, 6));
        var beta = TestData.ToFloat(TestData.Uniform(channels, 7));
        AssertSameBits(backend =>
        {
            using var input = Upload(backend, x);
            using var upstream = Upload(backend, dy);
            using var g = Upload(backend, gamma);
            using var b = Upload(backend, beta);
            using var mean = backend.Allocate(ElementType.Float32, channels);
            using var variance = backend.Allocate(ElementType.Float32, channels);
            using var y = backend.Allocate(ElementType.Float32, layout.Length);
            using var dx = backend.Allocate(ElementType.Float32, layout.Length);
            using var dgamma = backend.Allocate(ElementType.Float32, channels);
            using var dbeta = backend.Allocate(ElementType.Float32, channels);
            backend.ChannelMoments(layout, input, mean, variance);
            backend.BatchNormalize(layout, 1e-5, input, mean, variance, g, b, y);
            backend.BatchNormalizeBackward(layout, 1e-5, batchStatistics, input, mean, variance, g, upstream, dx, dgamma, dbeta);
            return [Download(backend, mean), Download(backend, variance), Download(backend, y), Download(backend, dx),
                    Download(backend, dgamma), Download(backend, dbeta)];
        });
    }

    static void AssertSameBits(Func<CpuBackend, float[][]> run)
    {
        float[][]? first = null;
        foreach (int threads in Parallelism)
        {
            using var backend = new CpuBackend(threads);
            var outputs = run(backend);
            first ??= outputs;
            for (int i = 0; i < outputs.Length; i++)
                Expect.BitwiseEqual<float>(outputs[i], first[i], $"output {i} with {threads} threads");
        }
    }

    static DeviceBuffer Upload(CpuBackend backend, float[] values)
    {
        var buffer = backend.Allocate(ElementType.Float32, values.Length);
        backend.Upload<float>(values, buffer);
        return buffer;
    }

    static float[] Download(CpuBackend backend, DeviceBuffer buffer)
    {
        var values = new float[buffer.Length];
        backend.Download<float>(buffer, values);
        return values;
    }
}
