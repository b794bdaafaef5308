namespace Eoi.Backends.Cpu.Kernels;

/// <summary>How SpMM and SDDMM split their rows over threads.</summary>
internal static class SparseWork
{
    /// <summary>Rows per work item: enough to amortise the hand-off, enough items to balance two cores.</summary>
    public const int RowsPerItem = 32;

    /// <summary>Below this many multiply-adds (about 50 us on one core) the rows run on the calling thread.
    /// A hand-off to the pool costs 5-20 us on a quiet machine and far more when other threads compete for
    /// the cores (libtorch's OpenMP workers in the same process, a second job). Measured on the 2-core VM: the
    /// 7-layer MLP's training step at d = 0.125, whose first layer has 1.25M multiply-adds per product, took
    /// 0.37 ms with its products on one thread and 0.42 ms with them shared (500K was the threshold then).</summary>
    public const long ShareAboveMultiplyAdds = 2_000_000;

    public static int Items(int rows) => (rows + RowsPerItem - 1) / RowsPerItem;

    public static int Threads(int maxDegreeOfParallelism, long storedEntries, int n)
        => FixedPartition.Threads(maxDegreeOfParallelism, storedEntries * n >= ShareAboveMultiplyAdds);
}
