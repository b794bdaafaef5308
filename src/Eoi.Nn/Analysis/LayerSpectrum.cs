using Eoi.Nn.Modules;

namespace Eoi.Nn.Analysis;

/// <summary>
/// The singular values of one weight layer. A convolution's kernel is read as the out x (in * kh * kw)
/// matrix (as Approximate Isometry treats it); for a delta-orthogonal kernel these are the centre tap's.
/// </summary>
public sealed record LayerSpectrum(string Layer, int Rows, int Cols, double[] Values)
{
    public SpectrumStats Stats => SpectrumStats.Of(Values);

    /// <summary>Every weight layer's spectrum, in forward order. Layers are read from the backend one at a time
    /// (a backend need not be thread-safe) in chunks of a few per core, and each chunk's eigenproblems are solved
    /// in parallel: each layer's values come from one thread in a fixed order, so the result does not depend on
    /// the thread count, and at most a chunk of dense weights is held at once.</summary>
    public static IReadOnlyList<LayerSpectrum> OfAll(Module model)
    {
        var layers = model.WeightLayers();
        var spectra = new LayerSpectrum[layers.Count];
        int chunk = 4 * Environment.ProcessorCount;
        for (int start = 0; start < layers.Count; start += chunk)
        {
            int count = Math.Min(chunk, layers.Count - start);
            var weights = new double[count][];
            for (int i = 0; i < count; i++) weights[i] = layers[start + i].Layer.ReadWeight();
            Parallel.For(0, count, i => spectra[start + i] = Of(layers[start + i], weights[i]));
        }
        return spectra;
    }

    static LayerSpectrum Of(NamedLayer layer, double[] weight)
    {
        var spec = layer.Spec;
        return new LayerSpectrum(layer.Path, spec.Out, spec.FanIn, SingularValues.Of(weight, spec.Out, spec.FanIn));
    }
}
