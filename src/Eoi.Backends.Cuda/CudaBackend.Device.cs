using Eoi.Backends.Cuda.Kernels;
using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda;

// Reductions along an axis, max pooling, batch normalisation and the accuracy count (reductions.cu,
// pooling.cu, normalization.cu). Synchronize and Dispose are in CudaBackend.cs.
public sealed partial class CudaBackend
{
    /// <summary>One block per output (grid-stride past <see cref="LaunchShape.MaxBlocks"/>).</summary>
    public void SumAxis(ReductionLayout layout, double scale, DeviceBuffer x, DeviceBuffer y)
    {
        layout.Validate();
        Guard.Finite(scale, nameof(scale));
        var type = Floating(x, y);
        var arguments = Axis(layout).Add(scale).Add(Pointer(x, layout.Length, nameof(x))).Add(Pointer(y, layout.ReducedLength, nameof(y)));
        if (layout.ReducedLength == 0) return;
        kernels.Launch(KernelModule.Reductions, "sum_axis", type, (uint)Math.Min(layout.ReducedLength, LaunchShape.MaxBlocks), LaunchShape.ReductionThreads, arguments);
    }

    public void BroadcastAxis(ReductionLayout layout, double scale, DeviceBuffer x, DeviceBuffer y)
    {
        layout.Validate();
        Guard.Finite(scale, nameof(scale));
        var type = Floating(x, y);
        kernels.ForEach(KernelModule.Reductions, "broadcast_axis", type, layout.Length, Axis(layout).Real(scale, type)
            .Add(Pointer(x, layout.ReducedLength, nameof(x))).Add(Pointer(y, layout.Length, nameof(y))));
    }

    static KernelArguments Axis(ReductionLayout layout) => new KernelArguments().Add(layout.Outer).Add(layout.Reduced).Add(layout.Inner);

    public void MaxPool(PoolGeometry geometry, DeviceBuffer x, DeviceBuffer y, DeviceBuffer argMax)
    {
        geometry.Validate();
        var type = Floating(x, y);
        var arguments = Pooling(geometry).Add(Pointer(x, geometry.InputLength, nameof(x))).Add(Pointer(y, geometry.OutputLength, nameof(y)))
            .Add(Indices(argMax, geometry.OutputLength, nameof(argMax)));
        kernels.ForEach(KernelModule.Pooling, "max_pool", type, geometry.OutputLength, arguments);
    }

    /// <summary>Checks the arg-max positions (reported at the next synchronisation), then gathers one input
    /// element per thread.</summary>
    public void MaxPoolBackward(PoolGeometry geometry, DeviceBuffer dy, DeviceBuffer argMax, DeviceBuffer dx)
    {
        geometry.Validate();
        var type = Floating(dy, dx);
        var indices = Indices(argMax, geometry.OutputLength, nameof(argMax));
        var arguments = Pooling(geometry).Add(Pointer(dy, geometry.OutputLength, nameof(dy))).Add(indices).Add(Pointer(dx, geometry.InputLength, nameof(dx)));
        kernels.ForEach(KernelModule.Pooling, "max_pool_check", type, geometry.OutputLength, new KernelArguments()
            .Add((long)geometry.OutputLength).Add(geometry.Height * geometry.Width).Add(indices).Add(IndexReport()));
        kernels.ForEach(KernelModule.Pooling, "max_pool_backward", type, geometry.InputLength, arguments);
    }

    /// <summary>One block per channel.</summary>
    public void ChannelMoments(ChannelLayout layout, DeviceBuffer x, DeviceBuffer mean, DeviceBuffer variance)
    {
        int n = NormalizedLength(layout);
        var type = Floating(x, mean, variance);
        var arguments = Channels(layout).Add(Pointer(x, n, nameof(x))).Add(Pointer(mean, layout.Channels, nameof(mean)))
            .Add(Pointer(variance, layout.Channels, nameof(variance)));
        PerChannel("channel_moments", type, layout, arguments);
    }

    public void BatchNormalize(ChannelLayout layout, double epsilon, DeviceBuffer x, DeviceBuffer mean, DeviceBuffer variance,
                               DeviceBuffer gamma, DeviceBuffer beta, DeviceBuffer y)
    {
        int n = NormalizedLength(layout), c = layout.Channels;
        Guard.PositiveFinite(epsilon, nameof(epsilon));
        var type = Floating(x, mean, variance, gamma, beta, y);
        kernels.ForEach(KernelModule.Normalization, "batch_normalize", type, n, Channels(layout).Add(epsilon).Add(Pointer(x, n, nameof(x)))
            .Add(Pointer(mean, c, nameof(mean))).Add(Pointer(variance, c, nameof(variance))).Add(Pointer(gamma, c, nameof(gamma)))
            .Add(Pointer(beta, c, nameof(beta))).Add(Pointer(y, n, nameof(y))));
    }

    /// <summary>One block per channel: its two sums, then its elements.</summary>
    public void BatchNormalizeBackward(ChannelLayout layout, double epsilon, bool batchStatistics, DeviceBuffer x, DeviceBuffer mean,
                                       DeviceBuffer variance, DeviceBuffer gamma, DeviceBuffer dy, DeviceBuffer dx, DeviceBuffer dgamma, DeviceBuffer dbeta)
    {
        int n = NormalizedLength(layout), c = layout.Channels;
        Guard.PositiveFinite(epsilon, nameof(epsilon));
        var type = Floating(x, mean, variance, gamma, dy, dx, dgamma, dbeta);
        var arguments = Channels(layout).Add(epsilon).Flag(batchStatistics).Add(Pointer(x, n, nameof(x))).Add(Pointer(mean, c, nameof(mean)))
            .Add(Pointer(variance, c, nameof(variance))).Add(Pointer(gamma, c, nameof(gamma))).Add(Pointer(dy, n, nameof(dy)))
            .Add(Pointer(dx, n, nameof(dx))).Add(Pointer(dgamma, c, nameof(dgamma))).Add(Pointer(dbeta, c, nameof(dbeta)));
        PerChannel("batch_normalize_backward", type, layout, arguments);
    }

    void PerChannel(string kernel, ElementType type, ChannelLayout layout, KernelArguments arguments)
    {
        if (layout.Channels == 0) return;
        kernels.Launch(KernelModule.Normalization, kernel, type, Math.Min((uint)layout.Channels, LaunchShape.MaxBlocks), LaunchShape.ReductionThreads, arguments);
    }

    static KernelArguments Channels(ChannelLayout layout) => new KernelArguments().Add(layout.Outer).Add(layout.Channels).Add(layout.Inner);

    /// <summary>The layout's length, after checking that every channel has at least one value to normalise.</summary>
    static int NormalizedLength(ChannelLayout layout)
    {
        int n = Length(layout);
        if ((long)layout.Outer * layout.Inner == 0)
            throw new EoiArgumentException(nameof(layout), $"batch normalisation needs at least one value per channel (Outer * Inner >= 1); got layout {layout}");
        return n;
    }

    /// <summary>A single thread counts the rows in order; a target out of range is reported at the next
    /// synchronisation and its row counts as wrong.</summary>
    public void CountCorrect(int rows, int cols, DeviceBuffer scores, DeviceBuffer targets, DeviceBuffer count)
    {
        Guard.Positive(cols, nameof(cols));
        var labels = Indices(targets, rows, nameof(targets));
        int n = Product(rows, cols);
        var type = Floating(scores, count);
        kernels.Launch(KernelModule.Reductions, "count_correct", type, 1u, 1u, new KernelArguments().Add(rows).Add(cols)
            .Add(Pointer(scores, n, nameof(scores))).Add(labels).Add(Pointer(count, 1, nameof(count))).Add(IndexReport()));
    }
}
