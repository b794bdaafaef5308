using Eoi.Nn.Modules;

namespace Eoi.Nn.Analysis;

/// <summary>
/// The singular values of one weight layer. A convolution's kernel is read as the out x (in * kh * kw)
/// matrix (as Approximate Isometry treats it); for a delta-orthogonal kernel these are the centre tap's.
/// </summary>
public sealed record LayerSpectrum(string Layer, int Rows, int Cols, double[] Values)
{
    public SpectrumStats Stats => SpectrumStats.Of(Values);

    /// <summary>Stored entries read from the backend per parallel batch: 8 M (64 MB as float64) bounds what a
    /// network of large dense layers holds at once, while a sparse network's layers (a 1000-layer MLP at
    /// d = 0.125 stores 2 M) are all solved in one batch, with no waits between batches.</summary>
    const long EntriesPerBatch = 1L << 23;

    /// <summary>Every weight layer's spectrum, in forward order. Layers are read from the backend one at a time
    /// (a backend need not be thread-safe), sparse layers as CSR, in batches of at most
    /// <see cref="EntriesPerBatch"/> stored entries, and each batch's eigenproblems are solved in parallel: each
    /// layer's values come from one thread in a fixed order, so the result does not depend on the thread count.</summary>
    public static IReadOnlyList<LayerSpectrum> OfAll(Module model)
    {
        var layers = model.WeightLayers();
        var spectra = new LayerSpectrum[layers.Count];
        for (int start = 0; start < layers.Count;)
        {
            var solve = new List<Func<LayerSpectrum>>();
            for (long entries = 0; start + solve.Count < layers.Count && (solve.Count == 0 || entries < EntriesPerBatch);)
            {
                var (read, stored) = Read(layers[start + solve.Count]);
                solve.Add(read);
                entries += stored;
            }
            int first = start;
            Parallel.For(0, solve.Count, i => spectra[first + i] = solve[i]());
            start += solve.Count;
        }
        return spectra;
    }

    /// <summary>Reads one layer's weight now; the returned function computes its spectrum.</summary>
    static (Func<LayerSpectrum> Solve, long Entries) Read(NamedLayer layer)
    {
        var spec = layer.Spec;
        if (layer.Layer.ReadSparseWeight() is { } sparse)
            return (() => new LayerSpectrum(layer.Path, spec.Out, spec.FanIn, SingularValues.Of(sparse)), sparse.Pattern.NonZeros);
        var dense = layer.Layer.ReadWeight();
        return (() => new LayerSpectrum(layer.Path, spec.Out, spec.FanIn, SingularValues.Of(dense, spec.Out, spec.FanIn)), dense.LongLength);
    }
}
