using System.Numerics;

namespace Eoi.Backends.Cpu;

/// <summary>Average pooling over independent planes, forward and backward.</summary>
static class PoolingLoops
{
    public static void AverageForward<T>(PoolGeometry g, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var inverseArea = T.One / T.CreateTruncating(g.Kernel * g.Kernel);
        for (int plane = 0, p = 0; plane < g.Planes; plane++)
        {
            var input = x.Slice(plane * g.Height * g.Width, g.Height * g.Width);
            for (int oi = 0; oi < g.OutHeight; oi++)
                for (int oj = 0; oj < g.OutWidth; oj++, p++)
                {
                    var sum = T.Zero;
                    for (int ki = 0; ki < g.Kernel; ki++)
                        for (int kj = 0; kj < g.Kernel; kj++)
                            sum += input[(oi * g.Stride + ki) * g.Width + oj * g.Stride + kj];
                    y[p] = sum * inverseArea;
                }
        }
    }

    public static void AverageBackward<T>(PoolGeometry g, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dx.Clear();
        var inverseArea = T.One / T.CreateTruncating(g.Kernel * g.Kernel);
        for (int plane = 0, p = 0; plane < g.Planes; plane++)
        {
            var input = dx.Slice(plane * g.Height * g.Width, g.Height * g.Width);
            for (int oi = 0; oi < g.OutHeight; oi++)
                for (int oj = 0; oj < g.OutWidth; oj++, p++)
                {
                    var share = dy[p] * inverseArea;
                    for (int ki = 0; ki < g.Kernel; ki++)
                        for (int kj = 0; kj < g.Kernel; kj++)
                            input[(oi * g.Stride + ki) * g.Width + oj * g.Stride + kj] += share;
                }
        }
    }
}
