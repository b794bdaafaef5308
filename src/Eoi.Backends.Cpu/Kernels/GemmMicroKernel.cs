using System.Numerics;
using System.Runtime.CompilerServices;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// The register tile of the GEMM: a <see cref="Rows"/> x (2 vectors) block of C held in 12 accumulators
/// (12 + 2 loads of B + 1 broadcast of A = 15 registers, so it fits the 16 of AVX2 and leaves the 32 of
/// AVX-512 room), fed by packed panels: A as [kc][Rows], B as [kc][Columns].
/// </summary>
internal static unsafe class GemmMicroKernel<T, TVec, TOps>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVec : struct
    where TOps : struct, ISimdOps<TVec, T>
{
    public const int Rows = 6;

    public static int Columns => 2 * TOps.Count;

    /// <summary>
    /// tile = sum over p of a[p][r] * b[p][j], each lane a fused multiply-add chain in p order; then
    /// c[r * ldc + j] = tile when beta is 0 (c is not read) or beta * c + tile otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T* c, nint ldc, T beta)
    {
        TVec c00 = TOps.Zero, c01 = TOps.Zero, c10 = TOps.Zero, c11 = TOps.Zero;
        TVec c20 = TOps.Zero, c21 = TOps.Zero, c30 = TOps.Zero, c31 = TOps.Zero;
        TVec c40 = TOps.Zero, c41 = TOps.Zero, c50 = TOps.Zero, c51 = TOps.Zero;
        int width = TOps.Count;
        for (int p = 0; p < kc; p++)
        {
            TVec b0 = TOps.Load(b);
            TVec b1 = TOps.Load(b + width);
            TVec x = TOps.Broadcast(a[0]);
            c00 = TOps.MultiplyAdd(x, b0, c00);
            c01 = TOps.MultiplyAdd(x, b1, c01);
            x = TOps.Broadcast(a[1]);
            c10 = TOps.MultiplyAdd(x, b0, c10);
            c11 = TOps.MultiplyAdd(x, b1, c11);
            x = TOps.Broadcast(a[2]);
            c20 = TOps.MultiplyAdd(x, b0, c20);
            c21 = TOps.MultiplyAdd(x, b1, c21);
            x = TOps.Broadcast(a[3]);
            c30 = TOps.MultiplyAdd(x, b0, c30);
            c31 = TOps.MultiplyAdd(x, b1, c31);
            x = TOps.Broadcast(a[4]);
            c40 = TOps.MultiplyAdd(x, b0, c40);
            c41 = TOps.MultiplyAdd(x, b1, c41);
            x = TOps.Broadcast(a[5]);
            c50 = TOps.MultiplyAdd(x, b0, c50);
            c51 = TOps.MultiplyAdd(x, b1, c51);
            a += Rows;
            b += 2 * width;
        }
        if (beta == T.Zero)
        {
            StoreRow(c, width, c00, c01);
            StoreRow(c + ldc, width, c10, c11);
            StoreRow(c + 2 * ldc, width, c20, c21);
            StoreRow(c + 3 * ldc, width, c30, c31);
            StoreRow(c + 4 * ldc, width, c40, c41);
            StoreRow(c + 5 * ldc, width, c50, c51);
            return;
        }
        TVec scale = TOps.Broadcast(beta);
        UpdateRow(c, width, scale, c00, c01);
        UpdateRow(c + ldc, width, scale, c10, c11);
        UpdateRow(c + 2 * ldc, width, scale, c20, c21);
        UpdateRow(c + 3 * ldc, width, scale, c30, c31);
        UpdateRow(c + 4 * ldc, width, scale, c40, c41);
        UpdateRow(c + 5 * ldc, width, scale, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void StoreRow(T* row, int width, TVec left, TVec right)
    {
        TOps.Store(left, row);
        TOps.Store(right, row + width);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void UpdateRow(T* row, int width, TVec scale, TVec left, TVec right)
    {
        TOps.Store(TOps.MultiplyAdd(scale, TOps.Load(row), left), row);
        TOps.Store(TOps.MultiplyAdd(scale, TOps.Load(row + width), right), row + width);
    }
}
