using Eoi.Backends;
using Eoi.Nn.Analysis;
using Eoi.Nn.Models;
using Eoi.Nn.Modules;
using Eoi.Nn.Setup;
using Eoi.Sparsity;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>Eoi.Sparsity's initialisers applied to networks, including the data-driven mask methods scoring
/// through <see cref="NetworkScoreModel"/>.</summary>
public class InitializationTests
{
    static readonly ModelSpec SmallMlp = new(ModelKind.Mlp, 3, 32, Activation.Tanh, [784], SparseLinearLayers: true);

    static double GlobalDensity(Module model) =>
        model.WeightLayers().Sum(l => (double)l.Layer.NonZeroWeights) / model.WeightLayers().Sum(l => (double)l.Spec.Count);

    [Theory]
    [InlineData(MaskMethodKind.Snip, InitScheme.Base)]
    [InlineData(MaskMethodKind.Grasp, InitScheme.ApproximateIsometry)]
    [InlineData(MaskMethodKind.SynFlow, InitScheme.Eoi)]
    public void DataDrivenMasksKeepTheRequestedCount(MaskMethodKind mask, InitScheme scheme)
    {
        using var model = ModelFactory.Build(Cpu, SmallMlp);
        var plan = new InitializationPlan
        {
            Density = 0.2, MaskMethod = mask, Scheme = scheme,
            Options = new SparseInitOptions { ApproximateIsometry = new ApproximateIsometryOptions { Iterations = 20 } },
            MaskOptions = new MaskMethodOptions { SynFlowIterations = 5 },
        };
        NetworkInitializer.Initialize(model, SmallMlp, plan, seed: 3, SmallMnist().Train);
        // Global top-k keeps exactly round(d * total); EOI then regenerates each layer at that layer's density.
        Assert.Equal(0.2, GlobalDensity(model), scheme == InitScheme.Eoi ? 0.02 : 1e-4);
        if (scheme == InitScheme.Eoi)
            Assert.All(LayerSpectrum.OfAll(model), layer => Assert.All(layer.Values, s => Assert.Equal(1.0, s, 1e-6)));
    }

    [Fact]
    public void SnipScoresAConvolutionalNetworkWithBatchNorm()
    {
        var spec = new ModelSpec(ModelKind.ResNet, 8, 4, Activation.Relu, [1, 28, 28]);
        using var model = ModelFactory.Build(Cpu, spec);
        var train = Images(64);
        NetworkInitializer.Initialize(model, spec, new InitializationPlan { Density = 0.3, MaskMethod = MaskMethodKind.Snip, Scheme = InitScheme.Base }, seed: 1, train);
        Assert.Equal(0.3, GlobalDensity(model), 1e-3);
    }

    [Fact]
    public void TheSeedDecidesTheInitialisation()
    {
        double[] Weights(ulong seed)
        {
            using var model = ModelFactory.Build(Cpu, SmallMlp);
            NetworkInitializer.Initialize(model, SmallMlp, new InitializationPlan { Density = 0.2 }, seed);
            return model.WeightLayers()[1].Layer.ReadWeight();
        }
        Assert.Equal(Weights(1), Weights(1));
        Assert.NotEqual(Weights(1), Weights(2));
    }

    [Fact]
    public void StateRoundTripsThroughExportAndImport()
    {
        var spec = new ModelSpec(ModelKind.ResNet, 8, 4, Activation.Relu, [1, 28, 28]);
        using var source = ModelFactory.Build(Cpu, spec);
        NetworkInitializer.Initialize(source, spec, new InitializationPlan { Density = 0.5, Scheme = InitScheme.Eoi }, seed: 2);
        using var target = ModelFactory.Build(Cpu, spec);
        target.ImportState(source.ExportState());
        var a = source.ExportState();
        var b = target.ExportState();
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var key in a.Keys) Assert.Equal(a[key].Data, b[key].Data);
    }
}
