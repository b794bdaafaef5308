namespace Eoi.Benchmarks.Kernels;

/// <summary>Seeded inputs shared by our benchmarks and the TorchSharp ones, so both time the same data.</summary>
public static class KernelInputs
{
    public static float[] Uniform(int length, int seed)
    {
        var random = new System.Random(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++)
            values[i] = random.NextSingle() * 2 - 1;
        return values;
    }

    /// <summary>A rows x cols CSR matrix with each position kept with probability density.</summary>
    public static (int[] RowOffsets, int[] ColumnIndices, float[] Values) RandomCsr(int rows, int cols, double density, int seed)
    {
        var random = new System.Random(seed);
        var offsets = new int[rows + 1];
        var columns = new List<int>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                if (random.NextDouble() < density)
                    columns.Add(c);
            offsets[r + 1] = columns.Count;
        }
        return (offsets, [.. columns], Uniform(columns.Count, seed + 1));
    }

    /// <summary>The CSR matrix as a dense row-major array, for the dense baseline of the same product.</summary>
    public static float[] Densify(int rows, int cols, int[] rowOffsets, int[] columnIndices, float[] values)
    {
        var dense = new float[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int p = rowOffsets[r]; p < rowOffsets[r + 1]; p++)
                dense[r * cols + columnIndices[p]] = values[p];
        return dense;
    }
}
