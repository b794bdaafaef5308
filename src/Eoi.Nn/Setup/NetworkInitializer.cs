using Eoi.Backends;
using Eoi.Core;
using Eoi.Data;
using Eoi.Nn.Models;
using Eoi.Nn.Modules;
using Eoi.Random;
using Eoi.Sparsity;

namespace Eoi.Nn.Setup;

/// <summary>
/// Gives a network its initial weights, masks and biases by an <see cref="InitializationPlan"/>, through
/// Eoi.Sparsity's pure initialisers. All draws come from <see cref="KeyFor"/>(seed), a key no batch order
/// uses (those are Split(epoch) of the seed's key), so one seed fixes a whole run.
/// </summary>
public static class NetworkInitializer
{
    /// <summary>"INIT": the child of the seed's key that initialisation draws from.</summary>
    public const ulong InitStream = 0x494E4954;

    public static RngKey KeyFor(ulong seed) => RngKey.FromSeed(seed).Split(InitStream);

    /// <param name="train">The training set as the model reads it; needed only by SNIP and GraSP.</param>
    public static IReadOnlyList<LayerInit> Initialize(Module model, ModelSpec spec, InitializationPlan plan, ulong seed, Dataset? train = null)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(spec, nameof(spec));
        Guard.NotNull(plan, nameof(plan));
        plan.Validate();
        var layers = model.WeightLayers();
        var specs = layers.Select(l => l.Spec).ToArray();
        var key = KeyFor(seed);
        IReadOnlyList<LayerInit> inits;
        if (plan.IsDense)
            inits = SparseInit.BuildDense(specs, key, plan.Options);
        else if (plan.SaoDegree is int degree)
            inits = SparseInit.BuildSao(specs, degree, key, plan.Options);
        else
        {
            using var scoring = plan.NeedsScoreModel ? ScoringNetwork(model, spec) : null;
            var scoreModel = scoring is null ? null : ScoreModel(scoring, spec, plan, seed, train);
            var method = MaskMethods.Create(plan.MaskMethod, scoreModel, plan.MaskOptions);
            inits = SparseInit.Build(specs, method, plan.Scheme, plan.Density, key, plan.Options);
        }
        Apply(layers, inits);
        return inits;
    }

    /// <summary>Writes each layer's values, mask and bias into the network.</summary>
    public static void Apply(IReadOnlyList<NamedLayer> layers, IReadOnlyList<LayerInit> inits)
    {
        Guard.NotNull(layers, nameof(layers));
        Guard.NotNull(inits, nameof(inits));
        if (layers.Count != inits.Count)
            throw new EoiArgumentException(nameof(inits), $"inits must hold one entry per weight layer ({layers.Count}); got {inits.Count}");
        for (int l = 0; l < layers.Count; l++)
        {
            var (layer, init) = (layers[l].Layer, inits[l]);
            if (init.Sparse is { } sparse) layer.Assign(sparse);
            else layer.Assign(init.Values.Data, init.Mask.Data);
            if (init.Bias is { } bias) layer.Bias?.Assign(bias.Data);
        }
    }

    /// <summary>A float64 twin of the network for mask scoring (dense linear layers: every position is scored).</summary>
    static Sequential ScoringNetwork(Module model, ModelSpec spec)
    {
        var backend = model.Parameters()[0].Parameter.Value.Backend;
        return ModelFactory.Build(backend, spec with { ElementType = ElementType.Float64, SparseLinearLayers = false });
    }

    static NetworkScoreModel ScoreModel(Module scoring, ModelSpec spec, InitializationPlan plan, ulong seed, Dataset? train)
    {
        int[] sampleShape = spec.TakesFlatInput ? [spec.InputShape.Aggregate(1, (a, b) => a * b)] : spec.InputShape;
        if (!plan.NeedsData) return new NetworkScoreModel(scoring, sampleShape, []);
        if (train is null)
            throw new EoiArgumentException(nameof(train), $"the {plan.MaskMethod} mask method scores weights on training data; none was given");
        return plan.MaskMethod == MaskMethodKind.Snip
            ? new NetworkScoreModel(scoring, sampleShape, [MiniBatches.ForEpoch(train, InitializationPlan.ScoringBatchSize, seed, 0).First()])
            : new NetworkScoreModel(scoring, sampleShape, [.. MiniBatches.InOrder(train, InitializationPlan.ScoringBatchSize, [.. Enumerable.Range(0, train.Count)])],
                InitializationPlan.GraspTemperature);
    }
}
