using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Kernels;

/// <summary>Block and grid sizes. The numbers that kernels rely on are repeated in the .cu files as noted.</summary>
static class LaunchShape
{
    /// <summary>Threads per block for element-wise kernels: a multiple of the warp size that keeps several
    /// blocks resident per multiprocessor on every architecture since Kepler.</summary>
    public const uint BlockSize = 256;

    /// <summary>The most blocks of an element-wise launch: 16.7 million threads fill any GPU, and the kernels'
    /// grid-stride loops (EOI_FOR_EACH) cover longer buffers.</summary>
    public const uint MaxBlocks = 65_535;

    /// <summary>REDUCTION_THREADS in channels.cu: its shared array and pairwise halving assume exactly this.</summary>
    public const uint ReductionThreads = 256;

    /// <summary>TILE and TILE_ROWS in layout.cu's transpose.</summary>
    public const uint TransposeTile = 32;
    public const uint TransposeTileRows = 8;

    /// <summary>The largest grid.y; the transpose loops over tile rows beyond it.</summary>
    public const uint MaxGridY = 65_535;

    public static Dim3 GridFor(long threads) => new((uint)Math.Min((threads + BlockSize - 1) / BlockSize, MaxBlocks));

    public static uint Tiles(int length) => (uint)((length + TransposeTile - 1) / TransposeTile);
}
