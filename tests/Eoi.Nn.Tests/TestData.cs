using Eoi.Backends;
using Eoi.Backends.Cpu;
using Eoi.Data;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Tests;

/// <summary>Seeded inputs and small data sets for the tests.</summary>
static class TestData
{
    public static readonly IBackend Cpu = new CpuBackend();

    public static double[] Uniform(int seed, int count, double low = -1, double high = 1) => SeededValues.Uniform(seed, count, low, high);

    /// <summary>0/1 entries, each 1 with probability <paramref name="density"/>.</summary>
    public static double[] Mask(int seed, int count, double density)
    {
        var random = new System.Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.NextDouble() < density ? 1.0 : 0.0)];
    }

    /// <summary>Random weights (and bias) in [-scale, scale] under a random mask of the given density.</summary>
    public static void Randomize(WeightLayer layer, int seed, double density = 1, double scale = 0.5)
    {
        layer.Assign(Uniform(seed, layer.Spec.Count, -scale, scale), density == 1 ? Ones(layer.Spec.Count) : Mask(seed + 1, layer.Spec.Count, density));
        layer.Bias?.Assign(Uniform(seed + 2, layer.Spec.Out, -scale, scale));
    }

    /// <summary>A data set of seeded inputs in [-1, 1] with labels cycling through the ten classes.</summary>
    public static Dataset Synthetic(int[] sampleShape, int count)
    {
        int size = sampleShape.Aggregate(1, (a, b) => a * b);
        var inputs = Uniform(11, count * size).Select(v => (float)v).ToArray();
        return new Dataset("synthetic", inputs, sampleShape, Enumerable.Range(0, count).Select(i => i % 10).ToArray(), 10);
    }

    public static double[] Ones(int count) => Enumerable.Repeat(1.0, count).ToArray();

    static readonly Lazy<TrainTest> Sample = new(() => DataSources.Load(DataSources.Sample));

    /// <summary>A small slice of the embedded MNIST sample, flattened for an MLP: 512 train, 128 validation, 256 test.</summary>
    public static TrainValidationTest SmallMnist()
    {
        var flat = Sample.Value.Flatten();
        return new TrainValidationTest(flat.Source,
            flat.Train.Slice(0, 512, "sample/train"),
            flat.Train.Slice(512, 128, "sample/validation"),
            flat.Test.Slice(0, 256, "sample/test"));
    }

    /// <summary>The first <paramref name="count"/> sample training images as 1 x 28 x 28 (for convolutional networks).</summary>
    public static Dataset Images(int count) => Sample.Value.Train.Slice(0, count, "sample/train");
}
