using System.Numerics;
using Eoi.Core;

namespace Eoi.Backends.Cpu;

/// <summary>The mean negative log-likelihood of target classes and its gradient.</summary>
static class NllLoops
{
    /// <summary>Sums in sample order with a double accumulator: fixed bits, and no float32 drift over a batch.</summary>
    public static void Forward<T>(int rows, int cols, ReadOnlySpan<T> logProbs, ReadOnlySpan<int> targets, Span<T> loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        for (int r = 0; r < rows; r++) sum += double.CreateTruncating(logProbs[r * cols + Target(targets, r, cols)]);
        loss[0] = T.CreateTruncating(-sum / rows);
    }

    public static void Backward<T>(int rows, int cols, ReadOnlySpan<int> targets, ReadOnlySpan<T> dLoss, Span<T> dLogProbs)
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
            throw new EoiArgumentException(nameof(targets), $"targets[{row}] must be a class in [0, {cols - 1}]; got {t}");
        return t;
    }
}
