using Eoi.Backends;
using Eoi.Data;
using Eoi.Nn.Models;
using Eoi.Nn.Modules;
using Eoi.Nn.Setup;
using Eoi.Nn.Training;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>Training learns, is deterministic for a seed, resumes bit for bit and stops clearly on divergence.</summary>
public class TrainerTests
{
    static readonly ModelSpec Spec = ModelSpec.Mlp7(Activation.Tanh) with { SparseLinearLayers = true };

    static readonly TrainingOptions Options = new() { Epochs = 4, LearningRate = 0.1, Seed = 5 };

    static Sequential InitializedMlp(ulong seed = 5)
    {
        var model = ModelFactory.Build(Cpu, Spec);
        NetworkInitializer.Initialize(model, Spec, new InitializationPlan { Density = 0.1 }, seed);
        return model;
    }

    [Fact]
    public void TrainingReducesTheLossAndRepeatsBitForBit()
    {
        var data = SmallMnist();
        using var first = InitializedMlp();
        using var second = InitializedMlp();
        var a = new Trainer(first, data, Options).Run(cancellation: TestContext.Current.CancellationToken);
        var b = new Trainer(second, data, Options).Run(cancellation: TestContext.Current.CancellationToken);

        Assert.True(a.Final.TrainLoss < 0.8 * a.History[0].TrainLoss, $"train loss {a.History[0].TrainLoss} -> {a.Final.TrainLoss}");
        Assert.True(a.Final.TestAccuracy > 0.5, $"test accuracy {a.Final.TestAccuracy}");
        Assert.Equal(Trajectory(a), Trajectory(b));
        AssertSameState(first, second);
    }

    [Fact]
    public void ResumingFromACheckpointEndsWithTheSameBits()
    {
        var data = SmallMnist();
        string directory = Directory.CreateTempSubdirectory("eoi-nn-resume-").FullName;
        try
        {
            using var uninterrupted = InitializedMlp();
            var whole = new Trainer(uninterrupted, data, Options).Run(cancellation: TestContext.Current.CancellationToken);

            string checkpoint = Path.Combine(directory, "run.ckpt");
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            var stopAfterTwo = new SynchronousProgress<TrainingProgress>(p => { if (p.Completed?.Epoch == 2) cancellation.Cancel(); });
            using (var interrupted = InitializedMlp())
                Assert.ThrowsAny<OperationCanceledException>(() =>
                    new Trainer(interrupted, data, Options with { CheckpointPath = checkpoint }).Run(stopAfterTwo, cancellation: cancellation.Token));

            // A fresh process would rebuild the model with another seed's weights; the checkpoint must overwrite all of it.
            using var resumed = InitializedMlp(seed: 99);
            var rest = new Trainer(resumed, data, Options with { CheckpointPath = checkpoint }).Run(resumeFrom: checkpoint, cancellation: TestContext.Current.CancellationToken);

            Assert.Equal(2, rest.ResumedAfterEpoch);
            Assert.Equal(Trajectory(whole), Trajectory(rest));
            AssertSameState(uninterrupted, resumed);
            Assert.Equal(4, Checkpoint.Read(checkpoint).CompletedEpochs);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void ResumingUnderOtherOptionsIsRefused()
    {
        var data = SmallMnist();
        string directory = Directory.CreateTempSubdirectory("eoi-nn-refuse-").FullName;
        try
        {
            string checkpoint = Path.Combine(directory, "run.ckpt");
            using (var model = InitializedMlp())
                new Trainer(model, data, Options with { Epochs = 1, CheckpointPath = checkpoint }).Run(cancellation: TestContext.Current.CancellationToken);
            using var other = InitializedMlp();
            var error = Assert.Throws<Core.EoiArgumentException>(() => new Trainer(other, data, Options with { Epochs = 1, Seed = 6 }).Run(resumeFrom: checkpoint, cancellation: TestContext.Current.CancellationToken));
            Assert.Contains("Seed", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void DivergenceStopsWithAMessageNamingEpochAndBatch()
    {
        using var model = InitializedMlp();
        var error = Assert.Throws<TrainingDivergedException>(() => new Trainer(model, SmallMnist(), Options with { LearningRate = 1e30 }).Run(cancellation: TestContext.Current.CancellationToken));
        Assert.Equal(1, error.Epoch);
        Assert.Matches(@"^training diverged in epoch 1, batch \d+ of 4: the loss is (NaN|∞|-∞|Infinity)", error.Message);
        Assert.Contains("learning rate 1E+30", error.Message);
    }

    /// <summary>Every metric of every epoch except the wall-clock ones.</summary>
    static IEnumerable<object> Trajectory(TrainingResult result) =>
        result.History.Select(m => m with { Seconds = 0, SamplesPerSecond = 0 });

    static void AssertSameState(Module expected, Module actual)
    {
        var a = expected.ExportState();
        var b = actual.ExportState();
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var key in a.Keys) Assert.True(a[key].Data.SequenceEqual(b[key].Data), $"state '{key}' differs");
    }
}
