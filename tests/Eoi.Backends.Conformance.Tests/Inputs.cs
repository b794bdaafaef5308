using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>Seeded inputs: every test sees the same numbers on every backend and every run.</summary>
static class Inputs
{
    public static double[] Uniform(int seed, int count, double low = -2, double high = 2)
    {
        var random = new System.Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = low + (high - low) * random.NextDouble();
        return values;
    }

    /// <summary>Uniform in [-2, 2] but at least 1e-3 from -1, 0 and 1, where the activations have kinks:
    /// there the two backends may legitimately take different branches after rounding.</summary>
    public static double[] AwayFromKinks(int seed, int count)
    {
        var values = Uniform(seed, count);
        for (int i = 0; i < count; i++)
        {
            double nearest = Math.Round(values[i]);
            if (Math.Abs(nearest) <= 1 && Math.Abs(values[i] - nearest) < 1e-3) values[i] = nearest + (values[i] >= nearest ? 1e-3 : -1e-3);
        }
        return values;
    }

    /// <summary>Each position kept with probability <paramref name="density"/>; row 1 is always empty, so the
    /// products meet an empty row.</summary>
    public static SparsityPattern Pattern(int seed, int rows, int cols, double density)
    {
        var random = new System.Random(seed);
        var offsets = new int[rows + 1];
        var columns = new List<int>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                if (r != 1 && random.NextDouble() < density) columns.Add(c);
            offsets[r + 1] = columns.Count;
        }
        return new SparsityPattern(rows, cols, offsets, [.. columns]);
    }

    public static int[] Labels(int seed, int rows, int classes)
    {
        var random = new System.Random(seed);
        return [.. Enumerable.Range(0, rows).Select(_ => random.Next(classes))];
    }

    /// <summary>The value the device holds for <paramref name="value"/>: rounded to float for Float32.</summary>
    public static double Round(ElementType type, double value) => type == ElementType.Float32 ? (float)value : value;

    public static double[] Round(ElementType type, double[] values) => [.. values.Select(v => Round(type, v))];
}
