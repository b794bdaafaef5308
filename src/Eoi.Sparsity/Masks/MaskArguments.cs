using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>The argument checks every mask method shares.</summary>
static class MaskArguments
{
    public static void Check(IReadOnlyList<LayerSpec> layers, double density)
    {
        CheckLayers(layers);
        Guard.InRangeExclusiveMin(density, 0.0, 1.0, nameof(density));
    }

    public static void CheckLayers(IReadOnlyList<LayerSpec> layers)
    {
        Guard.NotNull(layers, nameof(layers));
        if (layers.Count == 0)
            throw new EoiArgumentException(nameof(layers), "layers must hold at least one layer; got 0");
        foreach (var layer in layers) Guard.NotNull(layer, nameof(layers));
    }

    /// <summary>The weights' data arrays, checked against the layers' shapes.</summary>
    public static double[][] Weights(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NdArray>? weights, MaskMethodKind kind)
    {
        if (weights is null)
            throw new EoiArgumentException(nameof(weights), $"weights must be given for the data-driven mask method {kind}");
        if (weights.Count != layers.Count)
            throw new EoiArgumentException(nameof(weights), $"weights must have one entry per layer ({layers.Count}); got {weights.Count}");
        for (int l = 0; l < layers.Count; l++)
            if (weights[l].Shape != layers[l].Shape)
                throw new EoiArgumentException(nameof(weights), $"weights {l} must have the shape of {layers[l]}; got {weights[l].Shape}");
        return weights.Select(w => w.Data.ToArray()).ToArray();
    }

    /// <summary>The model must describe the same layers, in the same order, as the request.</summary>
    public static void CheckModel(IScoreModel model, IReadOnlyList<LayerSpec> layers)
    {
        var modelLayers = model.Layers;
        if (modelLayers.Count != layers.Count || !modelLayers.Zip(layers).All(p => p.First.Shape == p.Second.Shape))
            throw new EoiArgumentException("model", $"model layers must match the {layers.Count} requested layers in order and shape");
    }

    /// <summary>A model's gradients, checked for one finite array per layer of the right length.</summary>
    public static double[][] Gradients(double[][] gradients, IReadOnlyList<LayerSpec> layers, string what)
    {
        if (gradients is null || gradients.Length != layers.Count)
            throw new EoiArgumentException("model", $"model {what} must return one array per layer ({layers.Count})");
        for (int l = 0; l < layers.Count; l++)
        {
            if (gradients[l] is null || gradients[l].Length != layers[l].Count)
                throw new EoiArgumentException("model", $"model {what} for {layers[l]} must have {layers[l].Count} entries");
            if (gradients[l].Any(g => !double.IsFinite(g)))
                throw new EoiArgumentException("model", $"model {what} for {layers[l]} must be finite");
        }
        return gradients;
    }

    public static MaskSet ToMaskSet(IReadOnlyList<LayerSpec> layers, bool[][] keep) => new(layers, keep);

    /// <summary>Each layer's entries kept independently with its probability, layer l from key.Split(l); layers
    /// drawn in parallel (each from its own key, so the same bits at any thread count).</summary>
    public static MaskSet Bernoulli(IReadOnlyList<LayerSpec> layers, Func<int, double> probability, RngKey key)
    {
        var keep = new bool[layers.Count][];
        ParallelLayers.For(layers.Count, l => keep[l] = Sampling.Bernoulli(layers[l].Count, probability(l), key.Split((ulong)l)));
        return ToMaskSet(layers, keep);
    }
}
