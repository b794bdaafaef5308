using System.Numerics;
using System.Runtime.CompilerServices;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// One row of C = A_csr * B + beta * C, vectorised over the n columns: for a strip of columns held in
/// registers, walk the row's non-zeros and multiply-add value * B[col, strip]. Every C element is one
/// fused chain over the row's non-zeros in stored order, then beta * C is added once, so the strip
/// widths (and the SIMD width) do not change the bits.
/// </summary>
internal static unsafe class SpmmRowKernel<T, TVec, TOps>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVec : struct
    where TOps : struct, ISimdOps<TVec, T>
{
    /// <summary>Fills columns [column, n) in strips of 8, 4, 2, 1 vectors; returns the first column
    /// left over (fewer than one vector).</summary>
    public static int Run(in CsrRow<T> row, T* b, T* c, int n, int column, T beta)
    {
        int width = TOps.Count;
        for (; column + 8 * width <= n; column += 8 * width)
            Strip<Unroll8>(row, b, c, n, column, beta);
        if (column + 4 * width <= n)
        {
            Strip<Unroll4>(row, b, c, n, column, beta);
            column += 4 * width;
        }
        if (column + 2 * width <= n)
        {
            Strip<Unroll2>(row, b, c, n, column, beta);
            column += 2 * width;
        }
        if (column + width <= n)
        {
            Strip<Unroll1>(row, b, c, n, column, beta);
            column += width;
        }
        return column;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Strip<TUnroll>(in CsrRow<T> row, T* b, T* c, int n, int column, T beta) where TUnroll : struct, IUnroll
    {
        int w = TOps.Count;
        TVec s0 = TOps.Zero, s1 = TOps.Zero, s2 = TOps.Zero, s3 = TOps.Zero;
        TVec s4 = TOps.Zero, s5 = TOps.Zero, s6 = TOps.Zero, s7 = TOps.Zero;
        // Copied to locals: the JIT does not hoist loads through the `in` reference out of the loop.
        int* columns = row.Columns;
        T* values = row.Values;
        for (int p = 0, count = row.Count; p < count; p++)
        {
            TVec v = TOps.Broadcast(values[p]);
            T* source = b + (long)columns[p] * n + column;
            s0 = TOps.MultiplyAdd(v, TOps.Load(source), s0);
            if (TUnroll.Vectors > 1)
                s1 = TOps.MultiplyAdd(v, TOps.Load(source + w), s1);
            if (TUnroll.Vectors > 2)
            {
                s2 = TOps.MultiplyAdd(v, TOps.Load(source + 2 * w), s2);
                s3 = TOps.MultiplyAdd(v, TOps.Load(source + 3 * w), s3);
            }
            if (TUnroll.Vectors > 4)
            {
                s4 = TOps.MultiplyAdd(v, TOps.Load(source + 4 * w), s4);
                s5 = TOps.MultiplyAdd(v, TOps.Load(source + 5 * w), s5);
                s6 = TOps.MultiplyAdd(v, TOps.Load(source + 6 * w), s6);
                s7 = TOps.MultiplyAdd(v, TOps.Load(source + 7 * w), s7);
            }
        }
        T* target = c + column;
        TVec scale = TOps.Broadcast(beta);
        bool overwrite = beta == T.Zero;
        Store(target, s0, scale, overwrite);
        if (TUnroll.Vectors > 1)
            Store(target + w, s1, scale, overwrite);
        if (TUnroll.Vectors > 2)
        {
            Store(target + 2 * w, s2, scale, overwrite);
            Store(target + 3 * w, s3, scale, overwrite);
        }
        if (TUnroll.Vectors > 4)
        {
            Store(target + 4 * w, s4, scale, overwrite);
            Store(target + 5 * w, s5, scale, overwrite);
            Store(target + 6 * w, s6, scale, overwrite);
            Store(target + 7 * w, s7, scale, overwrite);
        }
    }

    /// <summary>target = sum (beta = 0: target is not read) or beta * target + sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Store(T* target, TVec sum, TVec scale, bool overwrite)
        => TOps.Store(overwrite ? sum : TOps.MultiplyAdd(scale, TOps.Load(target), sum), target);
}
