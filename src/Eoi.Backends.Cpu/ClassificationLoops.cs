using System.Numerics;

namespace Eoi.Backends.Cpu;

/// <summary>Log-softmax over rows and the mean negative log-likelihood of the target classes.</summary>
static class ClassificationLoops
{
    public static void LogSoftmax<T>(int rows, int cols, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * cols, cols);
            var yr = y.Slice(r * cols, cols);
            // Subtracting the row maximum keeps every exponent <= 0, so nothing overflows.
            var max = xr[0];
            foreach (var v in xr) max = T.Max(max, v);
            double sum = 0;
            foreach (var v in xr) sum += double.CreateTruncating(T.Exp(v - max));
            var shift = max + T.CreateTruncating(Math.Log(sum));
            for (int c = 0; c < cols; c++) yr[c] = xr[c] - shift;
        }
    }

    public static void LogSoftmaxBackward<T>(int rows, int cols, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
        {
            var yr = y.Slice(r * cols, cols);
            var dyr = dy.Slice(r * cols, cols);
            var dxr = dx.Slice(r * cols, cols);
            double sum = 0;
            foreach (var v in dyr) sum += double.CreateTruncating(v);
            var total = T.CreateTruncating(sum);
            for (int c = 0; c < cols; c++) dxr[c] = dyr[c] - T.Exp(yr[c]) * total;
        }
    }

    public static void NllLoss<T>(int rows, int cols, ReadOnlySpan<T> logProbs, ReadOnlySpan<int> targets, Span<T> loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        for (int r = 0; r < rows; r++) sum += double.CreateTruncating(logProbs[r * cols + Target(targets, r, cols)]);
        loss[0] = T.CreateTruncating(-sum / rows);
    }

    public static void NllLossBackward<T>(int rows, int cols, ReadOnlySpan<int> targets, ReadOnlySpan<T> dLoss, Span<T> dLogProbs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        dLogProbs.Clear();
        var g = -dLoss[0] / T.CreateTruncating(rows);
        for (int r = 0; r < rows; r++) dLogProbs[r * cols + Target(targets, r, cols)] = g;
    }

    static int Target(ReadOnlySpan<int> targets, int row, int cols)
    {
        int t = targets[row];
        if ((uint)t >= (uint)cols)
            throw new Eoi.Core.EoiArgumentException(nameof(targets), $"targets[{row}] must be a class in [0, {cols - 1}]; got {t}");
        return t;
    }
}
