namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// Runs a list of work items, serially or on the thread pool. Items only decide who computes what: each
/// writes a disjoint part of the output, and every output element's summation order is fixed by the
/// problem shape, so the bits never depend on the item list, the thread count or the order items ran in.
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

    /// <summary>The thread count to plan for: 1 when the work is too small to be worth handing to the pool,
    /// all cores for -1.</summary>
    public static int Threads(int maxDegreeOfParallelism, bool worthSharing)
        => !worthSharing ? 1 : maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
}
