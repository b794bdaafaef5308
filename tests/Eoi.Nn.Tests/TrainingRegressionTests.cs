using System.Globalization;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Data;
using Eoi.Nn.Models;
using Eoi.Nn.Training;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>
/// Before issue 11, Eoi.Nn emulated the ops the models need (batch norm from channel sums by products with
/// ones and a host-built expansion of 1/sqrt(var + eps), max pooling by a host-built arg-max mask, running
/// statistics on the host). Four float64 epochs of each model on a synthetic batch, with the backend's own ops
/// now, give the per-epoch train and validation losses and accuracies that code gave (recorded by running this
/// very test at commit 8a0e041). Four epochs, because from E = 4 on the learning-rate drops at floor(E/2) and
/// floor(3E/4) are the same under that commit's schedule and today's (which keeps E &lt; 4 from dropping at
/// epoch 0 or twice at once), so the recorded values still describe the same training.
/// </summary>
public class TrainingRegressionTests
{
    /// <summary>
    /// Allowed relative difference of a loss. Old and new runs differ only in rounding order (fused batch-norm
    /// kernels, sums in double, the running averages' update), about 1e-16 relative per operation; three SGD steps
    /// and an evaluation amplify it by the networks' condition, which at these untrained, randomly masked
    /// weights is large (VGG's evaluation loss is 6.5e7: eval-mode batch norm with running statistics of four
    /// samples). Measured over the first two epochs: VGG's values differ by at most 5.3e-12 (its first validation loss), ResNet's, CifarConv's
    /// and the MLP's not at all. 1e-8 leaves three orders of magnitude, and is far below what training moves: ResNet's
    /// train loss goes from 2.326 to 2.257 between the two epochs, so a wrong gradient or statistic would show.
    /// </summary>
    const double RelativeTolerance = 1e-8;

    /// <summary>Per epoch: train loss, train accuracy, validation loss, validation accuracy.</summary>
    public static TheoryData<ModelKind, int, int, string> Recorded => new()
    {
        { ModelKind.ResNet, 8, 4, "2.3260961898161328, 0.16666666666666666, 2.2863151766617986, 0.16666666666666666, 2.2900208673789852, 0.16666666666666666, 2.2905970877920545, 0.25, 2.1963661965747563, 0.16666666666666666, 2.2930627766822296, 0.08333333333333333, 2.1938938014477443, 0.16666666666666666, 2.2929165545701164, 0.08333333333333333" },
        { ModelKind.Vgg16, 16, 2, "2.34693921118326, 0.16666666666666666, 64958890.62887221, 0.08333333333333333, 2.213774728230104, 0.16666666666666666, 618853.4903650642, 0.16666666666666666, 2.1107964160019166, 0.16666666666666666, 7466.653486641688, 0.16666666666666666, 2.0865159279884207, 0.16666666666666666, 300.98511757758564, 0.16666666666666666" },
        { ModelKind.CifarConv, 6, 4, "2.3307659932764904, 0, 2.3075274975107973, 0.08333333333333333, 2.3152650623703526, 0.08333333333333333, 2.2982540181640374, 0.16666666666666666, 2.298677113038265, 0.16666666666666666, 2.2969959320844757, 0.16666666666666666, 2.297046798362299, 0.16666666666666666, 2.2968278582212243, 0.16666666666666666" },
        { ModelKind.Mlp, 3, 8, "2.317008382689257, 0.08333333333333333, 2.299992735187798, 0.16666666666666666, 2.3082857274841375, 0.08333333333333333, 2.2907212182929997, 0.16666666666666666, 2.2911102075937957, 0.16666666666666666, 2.289607838207193, 0.16666666666666666, 2.2896719359070374, 0.16666666666666666, 2.28946193949471, 0.16666666666666666" },
    };

    [Theory, MemberData(nameof(Recorded))]
    public void Float64TrainingGivesThePreviousValues(ModelKind kind, int depth, int width, string recorded)
    {
        int[] sampleShape = kind == ModelKind.Mlp ? [48] : [3, 32, 32];
        var spec = new ModelSpec(kind, depth, width, Activation.Relu, sampleShape, Classes: 10, ElementType: ElementType.Float64);
        using var model = ModelFactory.Build(Cpu, spec);
        int seed = 0;
        foreach (var layer in model.WeightLayers()) Randomize(layer.Layer, ++seed, density: 0.5, scale: 0.3);
        int size = sampleShape.Aggregate(1, (a, b) => a * b);
        const int count = 12;
        var inputs = Uniform(11, count * size).Select(v => (float)v).ToArray();
        var data = new Dataset("synthetic", inputs, sampleShape, Enumerable.Range(0, count).Select(i => i * 7 % 10).ToArray(), 10);
        var options = new TrainingOptions { Epochs = 4, BatchSize = 4, LearningRate = 0.05, Seed = 3 };
        var result = new Trainer(model, new TrainValidationTest("synthetic", data, data, data), options)
            .Run(cancellation: TestContext.Current.CancellationToken);

        var actual = result.History.SelectMany(e => new[] { e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy }).ToArray();
        var expected = recorded.Split(", ").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= RelativeTolerance * Math.Abs(expected[i]),
                $"value {i}: now {actual[i]:R}, before {expected[i]:R} (relative difference {Math.Abs(actual[i] - expected[i]) / Math.Abs(expected[i]):E2})");
    }
}
