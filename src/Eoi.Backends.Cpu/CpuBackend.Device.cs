using Eoi.Core;
using static Eoi.Backends.Cpu.CpuOperands;

namespace Eoi.Backends.Cpu;

// Reductions along an axis, max pooling, batch normalisation, the accuracy count and the backend's lifetime
// (ReductionLoops, MaxPoolLoops, NormalizationLoops, AccuracyLoops).
public sealed partial class CpuBackend
{
    /// <summary>Every call has run when it returns: nothing to wait for.</summary>
    public void Synchronize() { }

    /// <summary>Drops the freed arrays kept for reuse. Buffers still alive stay valid.</summary>
    public void Dispose() => pool.Clear();

    public void SumAxis(ReductionLayout layout, double scale, DeviceBuffer x, DeviceBuffer y)
    {
        layout.Validate();
        Guard.Finite(scale, nameof(scale));
        if (IsSingle(x, y))
            ReductionLoops.SumAxis(layout, scale, View<float>(x, layout.Length, nameof(x)), View<float>(y, layout.ReducedLength, nameof(y)), maxDegreeOfParallelism);
        else
            ReductionLoops.SumAxis(layout, scale, View<double>(x, layout.Length, nameof(x)), View<double>(y, layout.ReducedLength, nameof(y)), maxDegreeOfParallelism);
    }

    public void BroadcastAxis(ReductionLayout layout, double scale, DeviceBuffer x, DeviceBuffer y)
    {
        layout.Validate();
        Guard.Finite(scale, nameof(scale));
        if (IsSingle(x, y))
            ReductionLoops.BroadcastAxis(layout, scale, View<float>(x, layout.ReducedLength, nameof(x)), View<float>(y, layout.Length, nameof(y)));
        else
            ReductionLoops.BroadcastAxis(layout, scale, View<double>(x, layout.ReducedLength, nameof(x)), View<double>(y, layout.Length, nameof(y)));
    }

    public void MaxPool(PoolGeometry geometry, DeviceBuffer x, DeviceBuffer y, DeviceBuffer argMax)
    {
        geometry.Validate();
        BufferGuard.Type(argMax, ElementType.Int32, nameof(argMax));
        var indices = View<int>(argMax, geometry.OutputLength, nameof(argMax));
        if (IsSingle(x, y))
            MaxPoolLoops.Forward(geometry, View<float>(x, geometry.InputLength, nameof(x)), View<float>(y, geometry.OutputLength, nameof(y)), indices);
        else
            MaxPoolLoops.Forward(geometry, View<double>(x, geometry.InputLength, nameof(x)), View<double>(y, geometry.OutputLength, nameof(y)), indices);
    }

    public void MaxPoolBackward(PoolGeometry geometry, DeviceBuffer dy, DeviceBuffer argMax, DeviceBuffer dx)
    {
        geometry.Validate();
        BufferGuard.Type(argMax, ElementType.Int32, nameof(argMax));
        var indices = View<int>(argMax, geometry.OutputLength, nameof(argMax));
        if (IsSingle(dy, dx))
            MaxPoolLoops.Backward(geometry, View<float>(dy, geometry.OutputLength, nameof(dy)), indices, View<float>(dx, geometry.InputLength, nameof(dx)));
        else
            MaxPoolLoops.Backward(geometry, View<double>(dy, geometry.OutputLength, nameof(dy)), indices, View<double>(dx, geometry.InputLength, nameof(dx)));
    }

    public void ChannelMoments(ChannelLayout layout, DeviceBuffer x, DeviceBuffer mean, DeviceBuffer variance)
    {
        int n = NormalizedLength(layout), c = layout.Channels;
        if (IsSingle(x, mean, variance))
            NormalizationLoops.Moments(layout, View<float>(x, n, nameof(x)), View<float>(mean, c, nameof(mean)), View<float>(variance, c, nameof(variance)), maxDegreeOfParallelism);
        else
            NormalizationLoops.Moments(layout, View<double>(x, n, nameof(x)), View<double>(mean, c, nameof(mean)), View<double>(variance, c, nameof(variance)), maxDegreeOfParallelism);
    }

    public void BatchNormalize(ChannelLayout layout, double epsilon, DeviceBuffer x, DeviceBuffer mean, DeviceBuffer variance,
                               DeviceBuffer gamma, DeviceBuffer beta, DeviceBuffer y)
    {
        int n = NormalizedLength(layout), c = layout.Channels;
        Guard.PositiveFinite(epsilon, nameof(epsilon));
        if (IsSingle(x, mean, variance, gamma, beta, y))
            NormalizationLoops.Normalize(layout, epsilon, View<float>(x, n, nameof(x)), View<float>(mean, c, nameof(mean)), View<float>(variance, c, nameof(variance)),
                View<float>(gamma, c, nameof(gamma)), View<float>(beta, c, nameof(beta)), View<float>(y, n, nameof(y)), maxDegreeOfParallelism);
        else
            NormalizationLoops.Normalize(layout, epsilon, View<double>(x, n, nameof(x)), View<double>(mean, c, nameof(mean)), View<double>(variance, c, nameof(variance)),
                View<double>(gamma, c, nameof(gamma)), View<double>(beta, c, nameof(beta)), View<double>(y, n, nameof(y)), maxDegreeOfParallelism);
    }

    public void BatchNormalizeBackward(ChannelLayout layout, double epsilon, bool batchStatistics, DeviceBuffer x, DeviceBuffer mean,
                                       DeviceBuffer variance, DeviceBuffer gamma, DeviceBuffer dy, DeviceBuffer dx, DeviceBuffer dgamma, DeviceBuffer dbeta)
    {
        int n = NormalizedLength(layout), c = layout.Channels;
        Guard.PositiveFinite(epsilon, nameof(epsilon));
        if (IsSingle(x, mean, variance, gamma, dy, dx, dgamma, dbeta))
            NormalizationLoops.Backward(layout, epsilon, batchStatistics, View<float>(x, n, nameof(x)), View<float>(mean, c, nameof(mean)),
                View<float>(variance, c, nameof(variance)), View<float>(gamma, c, nameof(gamma)), View<float>(dy, n, nameof(dy)), View<float>(dx, n, nameof(dx)),
                View<float>(dgamma, c, nameof(dgamma)), View<float>(dbeta, c, nameof(dbeta)), maxDegreeOfParallelism);
        else
            NormalizationLoops.Backward(layout, epsilon, batchStatistics, View<double>(x, n, nameof(x)), View<double>(mean, c, nameof(mean)),
                View<double>(variance, c, nameof(variance)), View<double>(gamma, c, nameof(gamma)), View<double>(dy, n, nameof(dy)), View<double>(dx, n, nameof(dx)),
                View<double>(dgamma, c, nameof(dgamma)), View<double>(dbeta, c, nameof(dbeta)), maxDegreeOfParallelism);
    }

    public void CountCorrect(int rows, int cols, DeviceBuffer scores, DeviceBuffer targets, DeviceBuffer count)
    {
        Guard.Positive(cols, nameof(cols));
        var labels = Labels(targets, rows);
        int n = Product(rows, cols);
        if (IsSingle(scores, count))
            AccuracyLoops.CountCorrect(rows, cols, View<float>(scores, n, nameof(scores)), labels, View<float>(count, 1, nameof(count)));
        else
            AccuracyLoops.CountCorrect(rows, cols, View<double>(scores, n, nameof(scores)), labels, View<double>(count, 1, nameof(count)));
    }

    /// <summary>The layout's length, after checking that every channel has at least one value to normalise.</summary>
    static int NormalizedLength(ChannelLayout layout)
    {
        var (outer, _, inner) = Checked(layout);
        if ((long)outer * inner == 0)
            throw new EoiArgumentException(nameof(layout), $"batch normalisation needs at least one value per channel (Outer * Inner >= 1); got layout {layout}");
        return layout.Length;
    }
}
