using Eoi.Backends;
using Eoi.Backends.Cpu;
using Eoi.Core;

namespace Eoi.Autograd.Tests;

/// <summary>Seeded random inputs for the tests.</summary>
static class TestData
{
    public static readonly IBackend Cpu = new CpuBackend();

    public static double[] Uniform(int seed, int count, double low = -1, double high = 1) => SeededValues.Uniform(seed, count, low, high);

    /// <summary>Uniform values in [-2, 2] kept at least <see cref="KinkMargin"/> away from -1, 0 and 1, where
    /// ReLU, leaky ReLU, HardTanh and SELU have kinks, so a finite-difference step never straddles one.</summary>
    public static double[] AwayFromKinks(int seed, int count)
    {
        var values = Uniform(seed, count, -2, 2);
        for (int i = 0; i < count; i++)
        {
            double nearest = Math.Round(values[i]);
            if (Math.Abs(nearest) <= 1 && Math.Abs(values[i] - nearest) < KinkMargin)
                values[i] = nearest + (values[i] >= nearest ? KinkMargin : -KinkMargin);
        }
        return values;
    }

    /// <summary>1000 steps of 1e-6 each way: far larger than any finite-difference step.</summary>
    public const double KinkMargin = 1e-3;

    /// <summary>A random rows x cols pattern in which each position is kept with probability density.</summary>
    public static SparsityPattern RandomPattern(int seed, int rows, int cols, double density)
    {
        var random = new System.Random(seed);
        var offsets = new int[rows + 1];
        var columns = new List<int>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                if (random.NextDouble() < density) columns.Add(c);
            offsets[r + 1] = columns.Count;
        }
        return new SparsityPattern(rows, cols, offsets, [.. columns]);
    }

    public static Tensor Leaf(Shape shape, double[] values) => Tensor.FromArray(Cpu, shape, values, requiresGrad: true);
}
