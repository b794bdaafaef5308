using Eoi.Core.Backend;
using Eoi.Data;
using Eoi.Nn.Experiments;
using Eoi.Nn.Models;
using Eoi.Nn.Setup;
using Eoi.Sparsity;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>The experiment grids' run lists (not their runs: mlp1000 trains a 1000-layer network) and the SAO arm's init.</summary>
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
}
