namespace Eoi.Benchmarks.Cuda;

/// <summary>What to run and at what size. <see cref="Quick"/> shrinks everything so the harness itself can be
/// smoke-tested on the CPU backend in seconds.</summary>
sealed record BenchmarkSettings(
    IReadOnlyList<int> LayerWidths, IReadOnlyList<double> LayerDensities, int Batch,
    int MlpDepth, int MlpWidth, double MlpDensity,
    int WarmupCalls, int Rounds, int CallsPerRound)
{
    /// <summary>The paper's 1000-layer MLP (784 -> 128, 998 x 128 -> 128, 128 -> 10, tanh, density 0.125,
    /// batch 128) and single layers of the widths the density sweep is interesting at.</summary>
    public static BenchmarkSettings Full { get; } = new([1024, 4096], [0.01, 0.1, 0.25], 128, 1000, 128, 0.125, 5, 7, 10);

    public static BenchmarkSettings Quick { get; } = new([256], [0.01, 0.1, 0.25], 32, 10, 32, 0.125, 1, 3, 2);

    public const int MnistInputs = 784, MnistClasses = 10;
}
