namespace Eoi.Backends.Cpu.Tests.Support;

/// <summary>Deterministic inputs. Values are float32 numbers held in float64 arrays, so the same data
/// feeds the float, double and reference paths and every product of two inputs is exact in float64.</summary>
internal static class TestData
{
    public static double[] Uniform(int length, int seed, double scale = 1.0)
    {
        var random = new System.Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
            values[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        return values;
    }

    public static float[] ToFloat(double[] values) => Array.ConvertAll(values, v => (float)v);

    public static T[] As<T>(double[] values) where T : System.Numerics.IFloatingPointIeee754<T>
        => Array.ConvertAll(values, T.CreateChecked);

    public static double[] ToDouble<T>(T[] values) where T : System.Numerics.IFloatingPointIeee754<T>
        => Array.ConvertAll(values, double.CreateChecked);

    /// <summary>A random CSR matrix: each position kept with probability <paramref name="density"/>; every
    /// third row (when rows > 2) is forced empty so empty rows are always exercised.</summary>
    public static Csr RandomCsr(int rows, int cols, double density, int seed)
    {
        var random = new System.Random(seed);
        var offsets = new int[rows + 1];
        var columns = new List<int>();
        for (int r = 0; r < rows; r++)
        {
            if (rows <= 2 || r % 3 != 1)
                for (int c = 0; c < cols; c++)
                    if (random.NextDouble() < density)
                        columns.Add(c);
            offsets[r + 1] = columns.Count;
        }
        return new Csr(rows, cols, offsets, [.. columns], Uniform(columns.Count, seed + 1));
    }
}

/// <summary>A CSR matrix for tests, values in float64 (exactly float32 numbers).</summary>
internal sealed record Csr(int Rows, int Cols, int[] RowOffsets, int[] ColumnIndices, double[] Values)
{
    public int NonZeros => ColumnIndices.Length;
}
