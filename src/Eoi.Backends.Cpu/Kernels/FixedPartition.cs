namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// Runs a fixed list of work items, serially or on the thread pool. The list is decided by the problem
/// shape alone and each item writes a disjoint part of the output with its own fixed summation order,
/// so the bits of the result never depend on how many threads ran the items or in which order.
/// </summary>
internal static class FixedPartition
{
    public static void Run(int itemCount, int maxDegreeOfParallelism, Action<int> item)
    {
        if (itemCount <= 0)
            return;
        if (itemCount == 1 || maxDegreeOfParallelism == 1 || Environment.ProcessorCount == 1)
        {
            for (int i = 0; i < itemCount; i++)
                item(i);
            return;
        }
        Parallel.For(0, itemCount, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, item);
    }

    /// <summary>Below this many operations (about 40 us on one core) handing work to the pool costs about
    /// as much as it saves, so the problem runs on the calling thread.</summary>
    public const long SerialBelowFlops = 8_000_000;

    /// <summary>The thread count to plan for: 1 for small problems, all cores for -1.</summary>
    public static int Effective(int maxDegreeOfParallelism, long flops)
        => flops < SerialBelowFlops ? 1 : maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
}
