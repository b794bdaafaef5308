namespace Eoi.Backends.Cpu.Kernels;

/// <summary>How SpMM and SDDMM split their rows over threads.</summary>
internal static class SparseWork
{
    /// <summary>Rows per work item: enough to amortise the hand-off, enough items to balance two cores.</summary>
    public const int RowsPerItem = 32;

    /// <summary>Below this many multiply-adds (about 20 us from L2 on one core; one pool hand-off costs about
    /// that) the rows run on the calling thread.</summary>
    public const long ShareAboveMultiplyAdds = 500_000;

    public static int Items(int rows) => (rows + RowsPerItem - 1) / RowsPerItem;

    public static int Threads(int maxDegreeOfParallelism, long storedEntries, int n)
        => FixedPartition.Threads(maxDegreeOfParallelism, storedEntries * n >= ShareAboveMultiplyAdds);
}
