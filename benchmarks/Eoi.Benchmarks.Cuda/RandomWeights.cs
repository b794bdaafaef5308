using Eoi.Core;

namespace Eoi.Benchmarks.Cuda;

/// <summary>Seeded weights and data. Timings depend on the shapes and the number of stored entries, not on the
/// values, so a uniformly random pattern stands in for an EOI one of the same density.</summary>
static class RandomWeights
{
    public static SparsityPattern Pattern(Random random, int rows, int cols, double density)
    {
        var offsets = new int[rows + 1];
        var columns = new List<int>((int)(rows * (double)cols * density * 1.1) + 16);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                if (random.NextDouble() < density) columns.Add(c);
            offsets[r + 1] = columns.Count;
        }
        return new SparsityPattern(rows, cols, offsets, [.. columns]);
    }

    /// <summary>Uniform in [-scale, scale].</summary>
    public static float[] Floats(Random random, int count, double scale = 1)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)((2 * random.NextDouble() - 1) * scale);
        return values;
    }

    /// <summary>The pattern's values for a layer whose outputs keep unit scale: variance 1 / (fan-in * density).</summary>
    public static double[] Values(Random random, SparsityPattern pattern)
    {
        double scale = Math.Sqrt(3.0 / Math.Max(1, pattern.NonZeros / (double)pattern.Rows));
        var values = new double[pattern.NonZeros];
        for (int i = 0; i < values.Length; i++) values[i] = (2 * random.NextDouble() - 1) * scale;
        return values;
    }
}
