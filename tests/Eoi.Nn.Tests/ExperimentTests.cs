using Eoi.Backends;
using Eoi.Core;
using Eoi.Data;
using Eoi.Nn.Experiments;
using Eoi.Nn.Models;
using Eoi.Nn.Setup;
using Eoi.Sparsity;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>The experiment grids' run lists (not their runs: mlp1000 trains a 1000-layer network), the SAO arm's
/// init, and resuming a grid that stopped part way.</summary>
public class ExperimentTests
{
    [Fact]
    public void OverridesReshapeTheGrid()
    {
        var overrides = new ExperimentOverrides
        {
            Seeds = [7], Epochs = 3, Masks = [MaskMethodKind.Erk], Schemes = [InitScheme.Eoi, InitScheme.ApproximateIsometry],
            Densities = [0.2], AiIterations = 5, Dataset = DataSources.MnistNpm, DataDirectory = "digits",
        };
        var grid = overrides.ApplyTo(ExperimentCatalog.Get(ExperimentCatalog.Mlp7Mnist, quick: false));

        Assert.Equal([7UL], grid.Seeds);
        Assert.Equal(2, grid.RunCount);
        Assert.All(grid.Cells(), cell => Assert.Equal((0.2, MaskMethodKind.Erk), (cell.Density, cell.Mask)));
        Assert.Equal([InitScheme.Eoi, InitScheme.ApproximateIsometry], grid.Cells().Select(c => c.Scheme));
        var run = grid.ConfigurationFor(grid.Cells()[0], 7);
        Assert.Equal((3, 5, 7UL), (run.Training.Epochs, run.Init.Options.ApproximateIsometry.Iterations, run.Training.Seed));
        Assert.Equal((DataSources.MnistNpm, "digits"), (run.Dataset, run.DataDirectory));
    }

    [Fact]
    public void NoOverridesKeepTheGrid()
    {
        var grid = ExperimentCatalog.Get(ExperimentCatalog.Mlp7Mnist, quick: true);
        Assert.Equal(grid.Cells(), new ExperimentOverrides().ApplyTo(grid).Cells());
        Assert.Equal(12, grid.RunCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Mlp1000AddsSaoAndTheDenseOrthogonalNetwork(bool quick)
    {
        var grid = ExperimentCatalog.Get(ExperimentCatalog.Mlp1000Mnist, quick);
        var cells = grid.Cells();

        Assert.Equal(grid.Masks.Count * 3 + 2, cells.Count);
        var sao = Assert.Single(cells, c => c.Arm == ExperimentArm.Sao);
        var sparse = grid.ConfigurationFor(sao, 1);
        Assert.Equal((16, 0.125), (sparse.Init.SaoDegree, sparse.Init.Density));
        var dense = grid.ConfigurationFor(Assert.Single(cells, c => c.Arm == ExperimentArm.Dense), 1);
        Assert.True(dense.Init.IsDense);
        Assert.Equal(DenseInitKind.Orthogonal, dense.Init.Options.DenseInit);
        Assert.Null(dense.Init.SaoDegree);
        Assert.Equal(["base", "AI", "EOI", "SAO", "dense"], cells.Select(c => c.MethodName).Distinct());
    }

    [Fact]
    public void TheDeepCnnRunsBaseEoiSaoAndTheDenseDeltaOrthogonalNetwork()
    {
        var grid = ExperimentCatalog.Get(ExperimentCatalog.DeepCnnFashion, quick: false);
        var cells = grid.Cells();

        Assert.Equal(["base", "EOI", "SAO", "dense"], cells.Select(c => c.MethodName));
        var sparse = grid.ConfigurationFor(cells[0], 1);
        Assert.Equal((ModelKind.CifarConv, 1000, 128, DataSources.FashionMnist), (sparse.Model, sparse.Depth, sparse.Width, sparse.Dataset));
        Assert.Equal((DenseInitKind.Orthogonal, 0.125, 1e-4), (sparse.Init.Options.DenseInit, sparse.Init.Density, sparse.Training.LearningRate));
        Assert.True(sparse.Training.RecordJacobian);
        var dense = grid.ConfigurationFor(cells[3], 1);
        Assert.True(dense.Init.IsDense);
        Assert.Equal(DenseInitKind.DeltaOrthogonal, dense.Init.Options.DenseInit);
        Assert.Equal(16, grid.ConfigurationFor(cells[2], 1).Init.SaoDegree);
    }

    [Fact]
    public void ANarrowerGridScalesSaosDegreeToKeepItsDensity()
    {
        var grid = new ExperimentOverrides { Depth = 40, Width = 32, TrainExamples = 600, TestExamples = 100 }
            .ApplyTo(ExperimentCatalog.Get(ExperimentCatalog.DeepCnnFashion, quick: false));
        var sao = grid.ConfigurationFor(Assert.Single(grid.Cells(), c => c.Arm == ExperimentArm.Sao), 2);

        Assert.Equal((40, 32, 600, 100), (sao.Depth, sao.Width, sao.TrainExamples, sao.TestExamples));
        Assert.Equal((4, 0.125), (sao.Init.SaoDegree, sao.Init.Density));
    }

    [Fact]
    public void TheSummaryStatesWhichSetsWereCut()
    {
        var grid = new ExperimentOverrides { TestExamples = 2000 }.ApplyTo(ExperimentCatalog.Get(ExperimentCatalog.DeepCnnFashion, quick: false));
        string table = new ExperimentResult(grid, [], new ExperimentData(DataSources.FashionMnist, 54000, 6000, 2000)).MarkdownTable();

        Assert.Contains("- reduced data: all training examples (before the validation split) and the first 2000 test examples", table);
        Assert.DoesNotContain("reduced data", new ExperimentResult(ExperimentCatalog.Get(ExperimentCatalog.DeepCnnFashion, quick: false), [],
            new ExperimentData(DataSources.FashionMnist, 54000, 6000, 10000)).MarkdownTable());
    }

    [Theory]
    [InlineData(ExperimentCatalog.ResNet32Fashion, ModelKind.ResNet, 32, 16)]
    [InlineData(ExperimentCatalog.Vgg16Fashion, ModelKind.Vgg16, 16, 64)]
    public void TheContemporaryCnnGridsRunThreeMasksTimesThreeSchemesAtTwoDensities(string name, ModelKind model, int depth, int width)
    {
        var grid = ExperimentCatalog.Get(name, quick: false);

        Assert.Equal(2 * 3 * 3 * 3, grid.RunCount);
        var run = grid.ConfigurationFor(grid.Cells()[0], 1);
        Assert.Equal((model, depth, width, ActivationKind.Relu), (run.Model, run.Depth, run.Width, run.Activation.Kind));
        Assert.Equal((0.1, 1e-4, 200), (run.Training.LearningRate, run.Training.WeightDecay, run.Training.Epochs));
        Assert.Equal(Orthogonal.CentreDensityRule.MoreNonZeros, run.Init.Options.CentreRule);
        Assert.Equal(32, run.EffectivePadTo);
    }

    [Fact]
    public void ADenseDensityAndTheDenseArmAreOneCell()
    {
        var grid = new ExperimentOverrides { Densities = [0.125, 1], Masks = [MaskMethodKind.Uniform] }
            .ApplyTo(ExperimentCatalog.Get(ExperimentCatalog.Mlp1000Mnist, quick: true));
        Assert.Single(grid.Cells(), c => c.IsDense);
    }

    [Fact]
    public void SaoKeepsTheFirstAndLastLayersDenseAndTheSquareOnesAtDegreeOverWidth()
    {
        var spec = new ModelSpec(ModelKind.Mlp, 4, 32, Activation.Tanh, [784], SparseLinearLayers: true);
        using var model = ModelFactory.Build(Cpu, spec);
        NetworkInitializer.Initialize(model, spec, new InitializationPlan { Density = 0.25, SaoDegree = 8 }, seed: 1);

        var densities = model.WeightLayers().Select(l => (double)l.Layer.NonZeroWeights / l.Spec.Count).ToArray();
        Assert.Equal(1.0, densities[0]);
        Assert.Equal(1.0, densities[^1]);
        Assert.All(densities[1..^1], d => Assert.Equal(0.25, d));
    }

    /// <summary>Two seeds of a 7-layer cell, three epochs each, on the embedded sample: a few seconds.</summary>
    static ExperimentGrid TinyGrid(int epochs = 3) =>
        new ExperimentOverrides { Seeds = [1, 2], Masks = [MaskMethodKind.Uniform], Schemes = [InitScheme.Eoi], Epochs = epochs }
            .ApplyTo(ExperimentCatalog.Get(ExperimentCatalog.Mlp7Mnist, quick: true));

    [Fact]
    public void ResumeReadsFinishedRunsBackAndContinuesAnInterruptedOne()
    {
        using var complete = new TempDirectory();
        using var stopped = new TempDirectory();
        var uninterrupted = ExperimentRunner.Run(TinyGrid(), Cpu, complete.Path, cancellation: TestContext.Current.CancellationToken);

        // Stop during run 2, after its epoch-2 checkpoint: run 1 is finished, run 2 half done.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stopper = new Training.SynchronousProgress<ExperimentProgress>(p =>
        {
            if (p.Run == 2 && p.Training?.Completed?.Epoch == 2) stop.Cancel();
        });
        Assert.ThrowsAny<OperationCanceledException>(() => ExperimentRunner.Run(TinyGrid(), Cpu, stopped.Path, stopper, stop.Token));

        var trainedEpochs = new List<(int Run, int Epoch)>();
        var recorder = new Training.SynchronousProgress<ExperimentProgress>(p =>
        {
            if (p.Training?.Completed is { } epoch) trainedEpochs.Add((p.Run, epoch.Epoch));
        });
        var resumed = ExperimentRunner.Run(TinyGrid(), Cpu, stopped.Path, recorder, TestContext.Current.CancellationToken, resume: true);

        Assert.Equal([(2, 3)], trainedEpochs);
        Assert.Equal(uninterrupted.Runs.Select(r => (r.Seed, r.Value, r.RealisedDensity, r.TestLoss, r.ValidationAccuracy)),
                     resumed.Runs.Select(r => (r.Seed, r.Value, r.RealisedDensity, r.TestLoss, r.ValidationAccuracy)));
    }

    [Fact]
    public void ResumeRefusesRunsWrittenForOtherSettings()
    {
        using var directory = new TempDirectory();
        ExperimentRunner.Run(TinyGrid(epochs: 1), Cpu, directory.Path, cancellation: TestContext.Current.CancellationToken);
        var error = Assert.Throws<EoiArgumentException>(() => ExperimentRunner.Run(TinyGrid(epochs: 2), Cpu, directory.Path, cancellation: TestContext.Current.CancellationToken, resume: true));
        Assert.Equal("resume", error.ParameterName);
        Assert.Contains("another configuration", error.Message, StringComparison.Ordinal);
    }
}
