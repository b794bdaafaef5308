using System.Numerics;
using System.Runtime.Intrinsics;
using Eoi.Backends.Cpu.Kernels;

namespace Eoi.Backends.Cpu.Tests.Support;

public enum SimdWidth { Scalar, Vector128, Vector256, Vector512 }

/// <summary>Runs one kernel at a chosen SIMD width, whatever width the public API would pick here, so a
/// single machine checks every path it can execute.</summary>
internal static unsafe class Widths
{
    public static bool IsAvailable(SimdWidth width) => width switch
    {
        SimdWidth.Vector512 => Vector512.IsHardwareAccelerated,
        SimdWidth.Vector256 => Vector256.IsHardwareAccelerated,
        SimdWidth.Vector128 => Vector128.IsHardwareAccelerated,
        _ => true,
    };

    public static void SkipUnlessAvailable(SimdWidth width)
        => Assert.SkipUnless(IsAvailable(width), $"{width} is not hardware accelerated on this machine");

    public static void Gemm<T>(SimdWidth width, GemmShape shape, T[] a, T[] b, T[] c, T beta, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* pa = a, pb = b, pc = c)
        {
            switch (width)
            {
                case SimdWidth.Vector512: GemmDriver<T, Vector512<T>, Vector512Ops<T>>.Run(shape, pa, pb, pc, beta, maxDegreeOfParallelism); break;
                case SimdWidth.Vector256: GemmDriver<T, Vector256<T>, Vector256Ops<T>>.Run(shape, pa, pb, pc, beta, maxDegreeOfParallelism); break;
                case SimdWidth.Vector128: GemmDriver<T, Vector128<T>, Vector128Ops<T>>.Run(shape, pa, pb, pc, beta, maxDegreeOfParallelism); break;
                default: GemmDriver<T, T, ScalarOps<T>>.Run(shape, pa, pb, pc, beta, maxDegreeOfParallelism); break;
            }
        }
    }

    public static void Spmm<T>(SimdWidth width, Csr a, int n, T[] values, T[] b, T[] c, T beta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (int* offsets = a.RowOffsets, columns = a.ColumnIndices)
        fixed (T* v = values, pb = b, pc = c)
        {
            switch (width)
            {
                case SimdWidth.Vector512: SpmmDriver<T, Vector512<T>, Vector512Ops<T>>.Run(a.Rows, n, offsets, columns, v, pb, pc, beta, -1); break;
                case SimdWidth.Vector256: SpmmDriver<T, Vector256<T>, Vector256Ops<T>>.Run(a.Rows, n, offsets, columns, v, pb, pc, beta, -1); break;
                case SimdWidth.Vector128: SpmmDriver<T, Vector128<T>, Vector128Ops<T>>.Run(a.Rows, n, offsets, columns, v, pb, pc, beta, -1); break;
                default: SpmmDriver<T, T, ScalarOps<T>>.Run(a.Rows, n, offsets, columns, v, pb, pc, beta, -1); break;
            }
        }
    }

    public static void Sddmm<T>(SimdWidth width, Csr pattern, int n, T[] x, T[] y, T[] output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (int* offsets = pattern.RowOffsets, columns = pattern.ColumnIndices)
        fixed (T* px = x, py = y, po = output)
        {
            switch (width)
            {
                case SimdWidth.Vector512: SddmmDriver<T, Vector512<T>, Vector512Ops<T>>.Run(pattern.Rows, n, offsets, columns, px, py, po, -1); break;
                case SimdWidth.Vector256: SddmmDriver<T, Vector256<T>, Vector256Ops<T>>.Run(pattern.Rows, n, offsets, columns, px, py, po, -1); break;
                case SimdWidth.Vector128: SddmmDriver<T, Vector128<T>, Vector128Ops<T>>.Run(pattern.Rows, n, offsets, columns, px, py, po, -1); break;
                default: SddmmDriver<T, T, ScalarOps<T>>.Run(pattern.Rows, n, offsets, columns, px, py, po, -1); break;
            }
        }
    }
}
