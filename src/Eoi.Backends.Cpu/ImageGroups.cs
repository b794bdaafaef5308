using System.Buffers;
using System.Numerics;
using Eoi.Backends.Cpu.Kernels;

namespace Eoi.Backends.Cpu;

/// <summary>
/// How the batched convolutions (dense and sparse) share a batch between threads: the batch is cut into a
/// fixed number of image groups that depend on the batch size only, and the groups run on the thread pool,
/// each on its own scratch, one image at a time. Per-image outputs cannot depend on the grouping; a kernel
/// gradient is summed image after image within a group, then group after group (<see cref="SumInOrder"/>),
/// so its bits do not depend on the thread count either.
/// </summary>
static class ImageGroups
{
    /// <summary>Groups per call: enough to keep two cores balanced when groups differ in speed, few enough
    /// that the kernel gradient's per-group partial sums (one kernel each) stay small.</summary>
    public const int MaxGroups = 16;

    public static int Count(int batch) => Math.Min(batch, MaxGroups);

    /// <summary>Runs group(index, firstImage, endImage) for every group, on the pool when the call's
    /// multiply-adds reach the products' hand-off threshold (<see cref="SparseWork.ShareAboveMultiplyAdds"/>).</summary>
    public static void Run(int batch, long multiplyAdds, int maxDegreeOfParallelism, Action<int, int, int> group)
    {
        int groups = Count(batch);
        bool worthSharing = multiplyAdds >= SparseWork.ShareAboveMultiplyAdds;
        FixedPartition.Run(groups, FixedPartition.Threads(maxDegreeOfParallelism, worthSharing),
            index => group(index, (int)((long)batch * index / groups), (int)((long)batch * (index + 1) / groups)));
    }

    /// <summary>Runs <paramref name="group"/> as <see cref="Run"/> does, each group writing its partial sum to
    /// its own slice (the address passed as the last argument) of a pooled array of <see cref="Count"/> x partialLength elements; then result = the
    /// partials added in group order.</summary>
    public static unsafe void SumInOrder<T>(int batch, long multiplyAdds, int maxDegreeOfParallelism, Span<T> result,
        Action<int, int, int, nint> group) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = result.Length, groups = Count(batch);
        result.Clear();
        if (groups == 0 || length == 0)
            return;
        var partials = ArrayPool<T>.Shared.Rent(groups * length);
        try
        {
            fixed (T* sums = partials)
            {
                nint start = (nint)sums, stride = (nint)length * sizeof(T);
                Run(batch, multiplyAdds, maxDegreeOfParallelism, (index, first, end) => group(index, first, end, start + index * stride));
            }
            for (int index = 0; index < groups; index++)
                Elementwise.Add(result, partials.AsSpan(index * length, length), result);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(partials);
        }
    }
}
