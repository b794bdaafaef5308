using System.Numerics;
using Eoi.Core;

namespace Eoi.Backends.Cpu;

/// <summary>How many rows of a score matrix put their first largest score at the target class.</summary>
static class AccuracyLoops
{
    public static void CountCorrect<T>(int rows, int cols, ReadOnlySpan<T> scores, ReadOnlySpan<int> targets, Span<T> count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int correct = 0;
        for (int r = 0; r < rows; r++)
        {
            int target = targets[r];
            if ((uint)target >= (uint)cols)
                throw new EoiArgumentException(nameof(targets), $"targets[{r}] must be a class in [0, {cols - 1}]; got {target}");
            var row = scores.Slice(r * cols, cols);
            int best = 0;
            for (int k = 1; k < cols; k++)
                if (row[k] > row[best]) best = k;
            if (best == target) correct++;
        }
        count[0] = T.CreateTruncating(correct);
    }
}
