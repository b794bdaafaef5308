namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// Cache blocking of the GEMM (Goto / BLIS loop order: NC columns, KC depth, MC rows, then the register
/// tile). Only <see cref="Kc"/> shapes the arithmetic: each C element is the sum, in k order, of one
/// fused multiply-add chain per KC block, so Kc is the same for every width and every thread count,
/// and the widths give identical bits. The other sizes only move work between cache levels and threads.
/// </summary>
internal static class GemmBlocking
{
    /// <summary>Depth of one packed block: a B micro-panel (Kc x 32 floats = 32 KiB) stays in L1.</summary>
    public const int Kc = 256;

    /// <summary>Rows of one compute tile: the A block (Mc x Kc) stays in L2. A multiple of the tile height 6.</summary>
    public const int Mc = 120;

    /// <summary>Columns of one compute tile, a multiple of every register-tile width (2 .. 32).</summary>
    public const int Nb = 512;

    /// <summary>Columns packed at once: the B block (Kc x Nc) stays in L3. A multiple of <see cref="Nb"/>.</summary>
    public const int Nc = 2048;

    /// <summary>Rows of A packed at once, bounding the shared A buffer (Mc multiple, 2.9 MiB of floats).</summary>
    public const int McOuter = 24 * Mc;

    /// <summary>Below this many operations (about 40 us on one core) the two hand-offs to the thread pool per
    /// depth block cost more than the second core saves (measured: 128^3 took 25 us on one thread, 40 us
    /// on two), so the product runs on the calling thread.</summary>
    public const long ShareAboveFlops = 8_000_000;
}
