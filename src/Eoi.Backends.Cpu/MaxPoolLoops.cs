using System.Numerics;
using Eoi.Core;

namespace Eoi.Backends.Cpu;

/// <summary>Max pooling over independent planes with the arg-max of each window, and its gradient.</summary>
static class MaxPoolLoops
{
    public static void Forward<T>(PoolGeometry g, ReadOnlySpan<T> x, Span<T> y, Span<int> argMax) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int planeLength = g.Height * g.Width;
        for (int plane = 0, p = 0; plane < g.Planes; plane++)
        {
            var input = x.Slice(plane * planeLength, planeLength);
            for (int oi = 0; oi < g.OutHeight; oi++)
                for (int oj = 0; oj < g.OutWidth; oj++, p++)
                {
                    int best = oi * g.Stride * g.Width + oj * g.Stride;
                    for (int ki = 0; ki < g.Kernel; ki++)
                        for (int kj = 0; kj < g.Kernel; kj++)
                        {
                            int at = (oi * g.Stride + ki) * g.Width + oj * g.Stride + kj;
                            if (Beats(input[at], input[best])) best = at;
                        }
                    y[p] = input[best];
                    argMax[p] = best;
                }
        }
    }

    /// <summary>A larger value wins, and a NaN wins over any number (the first one stays).</summary>
    static bool Beats<T>(T candidate, T best) where T : IFloatingPointIeee754<T> =>
        candidate > best || (T.IsNaN(candidate) && !T.IsNaN(best));

    public static void Backward<T>(PoolGeometry g, ReadOnlySpan<T> dy, ReadOnlySpan<int> argMax, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int planeLength = g.Height * g.Width, perPlane = g.OutHeight * g.OutWidth;
        dx.Clear();
        for (int p = 0; p < argMax.Length; p++)
        {
            int at = argMax[p];
            if ((uint)at >= (uint)planeLength)
                throw new EoiArgumentException(nameof(argMax), $"argMax must lie in [0, {planeLength - 1}] (a position in its plane); got {at} at position {p}");
            dx[p / perPlane * planeLength + at] += dy[p];
        }
    }
}
