using Eoi.Backends;
using Eoi.Backends.Cpu;
using Eoi.Data;
using Eoi.Nn.Models;
using Eoi.Nn.Training;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>
/// Training stays on the device: each training step of the Trainer moves to the device only the batch (inputs
/// and labels, one upload each) and reads back only the loss (one download, which also carries the batch's
/// count of correct predictions). Counted by a decorator around the CPU backend, so any op that takes a
/// detour through host memory shows up as an extra transfer whatever device runs it.
/// </summary>
public class HostTransferTests
{
    const int UploadsPerStep = 2, DownloadsPerStep = 1;
    const int Batch = 4, Batches = 2;

    public static TheoryData<ModelKind, int, int, bool> Models => new()
    {
        { ModelKind.Mlp, 3, 8, false },
        { ModelKind.Mlp, 3, 8, true },
        { ModelKind.CifarConv, 6, 4, false },
        { ModelKind.ResNet, 8, 4, false },
        { ModelKind.Vgg16, 16, 2, false },
    };

    [Theory, MemberData(nameof(Models))]
    public void A_training_step_transfers_only_the_batch_and_the_loss(ModelKind kind, int depth, int width, bool sparseLinear)
    {
        using var cpu = new CpuBackend();
        var backend = new TransferCountingBackend(cpu);
        int[] sampleShape = kind == ModelKind.Mlp ? [48] : [3, 32, 32];
        var spec = new ModelSpec(kind, depth, width, Activation.Relu, sampleShape, Classes: 10, SparseLinearLayers: sparseLinear);
        using var model = ModelFactory.Build(backend, spec);
        int seed = 0;
        foreach (var layer in model.WeightLayers()) Randomize(layer.Layer, ++seed, density: 0.5, scale: 0.2);

        var data = Synthetic(sampleShape, Batch * Batches);
        var steps = new List<(int Uploads, int Downloads)>();
        int uploads = backend.Uploads, downloads = backend.Downloads;
        var progress = new SynchronousProgress<TrainingProgress>(report =>
        {
            if (report.Completed is not null) return;
            steps.Add((backend.Uploads - uploads, backend.Downloads - downloads));
            (uploads, downloads) = (backend.Uploads, backend.Downloads);
        });
        var options = new TrainingOptions { Epochs = 1, BatchSize = Batch, LearningRate = 0.01, Seed = 3 };
        new Trainer(model, new TrainValidationTest("synthetic", data, data.Slice(0, 0, "none"), data.Slice(0, 0, "none")), options)
            .Run(progress, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(Batches, steps.Count);
        Assert.All(steps, step => Assert.Equal((UploadsPerStep, DownloadsPerStep), step));
    }
}
