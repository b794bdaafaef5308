using Eoi.Backends;
using Eoi.Backends.Cpu;
using Eoi.Data;
using Eoi.Nn.Models;
using Eoi.Nn.Training;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>
/// Same seed, same bits, whatever the thread count: a CNN trained for two steps on a CPU backend limited to one
/// thread and on one allowed two ends with identical weights, for CSR kernels (density 0.1) and dense ones. The
/// layers are large enough that the batched convolutions hand their image groups to the thread pool (above
/// 2M multiply-adds per call), and the batch of 24 leaves some groups with two images, so the kernel gradient's
/// in-group and across-group sums both run.
/// </summary>
public class ThreadCountTests
{
    const int Batch = 24, Batches = 2, Side = 32;

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void A_conv_training_step_gives_the_same_bits_on_one_thread_and_two(double density)
    {
        var oneThread = TrainedWeights(1, density);
        var twoThreads = TrainedWeights(2, density);
        Assert.Equal(oneThread.Count, twoThreads.Count);
        for (int layer = 0; layer < oneThread.Count; layer++)
            Assert.True(oneThread[layer].AsSpan().SequenceEqual(twoThreads[layer]), $"layer {layer} differs between one thread and two");
    }

    static List<double[]> TrainedWeights(int threads, double density)
    {
        using var backend = new CpuBackend(maxDegreeOfParallelism: threads);
        int[] sampleShape = [1, Side, Side];
        var spec = new ModelSpec(ModelKind.ResNet, 8, 16, Activation.Relu, sampleShape, Classes: 10);
        using var model = ModelFactory.Build(backend, spec);
        int seed = 0;
        foreach (var layer in model.WeightLayers()) Randomize(layer.Layer, ++seed, density, scale: 0.2);
        var data = Synthetic(sampleShape, Batch * Batches);
        var options = new TrainingOptions { Epochs = 1, BatchSize = Batch, LearningRate = 0.05, Seed = 3 };
        new Trainer(model, new TrainValidationTest("synthetic", data, data.Slice(0, 0, "none"), data.Slice(0, 0, "none")), options)
            .Run(new SynchronousProgress<TrainingProgress>(_ => { }), cancellation: TestContext.Current.CancellationToken);
        return [.. model.WeightLayers().Select(l => l.Layer.ReadWeight())];
    }
}
