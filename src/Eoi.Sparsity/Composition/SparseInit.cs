using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// Whole-network initialisations: the paper's X, X+AI and X+EOI combinations (paper.md §3), the dense baselines
/// and SAO (§4.2). Key use, the same in every entry point so a dense baseline and its sparse variants share
/// draws: key.Split(0).Split(l) the dense init of layer l, key.Split(1) the mask method, key.Split(2).Split(l)
/// EOI (or SAO) for layer l, key.Split(3).Split(l) the bias of layer l. Layers are built in parallel; each has
/// its own keys, so the result does not depend on scheduling.
/// </summary>
public static class SparseInit
{
    public static IReadOnlyList<LayerInit> Build(IReadOnlyList<LayerSpec> layers, IMaskMethod maskMethod, InitScheme scheme,
                                                 double density, RngKey key, SparseInitOptions? options = null)
    {
        options = Checked(layers, options);
        Guard.NotNull(maskMethod, nameof(maskMethod));
        if (!Enum.IsDefined(scheme))
            throw new EoiArgumentException(nameof(scheme), $"scheme must be one of {string.Join(", ", Enum.GetNames<InitScheme>())}; got {(int)scheme}");
        // EOI replaces the dense init, and these mask methods never read it: skip it (it was most of a 1000-layer
        // network's init time). Its keys are its own, so no other draw moves and the bits stay the same.
        bool denseUnused = scheme == InitScheme.Eoi && maskMethod.Kind is MaskMethodKind.Uniform or MaskMethodKind.Erk or MaskMethodKind.UniformSkipFirstLast;
        var dense = denseUnused ? null : PerLayer(layers, l => DenseWeights(layers[l], key.Split(0).Split((ulong)l), options));
        var masks = maskMethod.Select(layers, dense?.Select(d => d.Values).ToArray(), density, key.Split(1));
        if (masks.Layers.Count != layers.Count || !masks.Layers.Select(l => l.Shape).Zip(layers, (a, b) => a == b.Shape).All(x => x))
            throw new EoiArgumentException(nameof(maskMethod), $"maskMethod must return one mask per requested layer ({layers.Count}) in their shapes");
        double gain = options.Scale.WeightGain;
        var weights = scheme switch
        {
            InitScheme.Eoi => PerLayer(layers, l => EoiInit.Initialize(layers[l], masks.Density(l), key.Split(2).Split((ulong)l), gain, options.CentreRule)),
            InitScheme.ApproximateIsometry => ApproximateIsometry.Run(Masked(dense!, masks, options), gain, options.ApproximateIsometry).Layers,
            _ => Masked(dense!, masks, options),
        };
        return WithBiases(weights, key, options);
    }

    /// <summary>The dense baseline: the dense init of every layer, all positions trainable.</summary>
    public static IReadOnlyList<LayerInit> BuildDense(IReadOnlyList<LayerSpec> layers, RngKey key, SparseInitOptions? options = null)
    {
        options = Checked(layers, options);
        return WithBiases(PerLayer(layers, l => DenseWeights(layers[l], key.Split(0).Split((ulong)l), options)), key, options);
    }

    /// <summary>SAO at the given degree on every layer (<see cref="Sao"/>: square layers sparse, the others dense).</summary>
    public static IReadOnlyList<LayerInit> BuildSao(IReadOnlyList<LayerSpec> layers, int degree, RngKey key,
                                                    SparseInitOptions? options = null, SaoActivation activation = SaoActivation.Tanh)
    {
        options = Checked(layers, options);
        return WithBiases(PerLayer(layers, l => Sao.Initialize(layers[l], degree, key.Split(2).Split((ulong)l), options.Scale.WeightGain, activation)), key, options);
    }

    static SparseInitOptions Checked(IReadOnlyList<LayerSpec> layers, SparseInitOptions? options)
    {
        MaskArguments.CheckLayers(layers);
        options ??= new SparseInitOptions();
        options.Validate();
        return options;
    }

    static LayerInit DenseWeights(LayerSpec layer, RngKey key, SparseInitOptions options) => options.DenseInit switch
    {
        DenseInitKind.Orthogonal => DenseOrthogonal.Initialize(layer, key, options.Scale.WeightGain),
        DenseInitKind.DeltaOrthogonal => DenseDeltaOrthogonal.Initialize(layer, key, options.Scale.WeightGain),
        _ => Kaiming.Initialize(layer, key, options.KaimingGain, options.KaimingDistribution),
    };

    // Base: the mask applied to the dense init (sparse-scaled Kaiming rescales rows by their mask counts).
    static LayerInit[] Masked(IReadOnlyList<LayerInit> dense, MaskSet masks, SparseInitOptions options) =>
        dense.Select((d, l) => options.DenseInit == DenseInitKind.SparseScaledKaiming
            ? SparseScaledKaiming.Rescale(d, masks.Masks[l])
            : new LayerInit(d.Layer, Masks.Apply(d.Values, masks.Masks[l]), masks.Masks[l])).ToArray();

    static IReadOnlyList<LayerInit> WithBiases(IReadOnlyList<LayerInit> weights, RngKey key, SparseInitOptions options) =>
        weights.Select((w, l) => w.WithBias(BiasInit.Draw(w.Layer, options.Scale.BiasStd, key.Split(3).Split((ulong)l)))).ToArray();

    static LayerInit[] PerLayer(IReadOnlyList<LayerSpec> layers, Func<int, LayerInit> build)
    {
        var result = new LayerInit[layers.Count];
        ParallelLayers.For(layers.Count, l => result[l] = build(l));
        return result;
    }
}
