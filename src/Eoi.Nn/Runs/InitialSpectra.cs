using Eoi.Core;
using Eoi.Nn.Analysis;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Runs;

/// <summary>
/// The spectra measured at initialisation as checkpoint attachments ("initial_spectrum/LAYER", float64, in
/// descending order), so that a resumed run, whose weights have moved on, reports and writes the same initial
/// spectra as an uninterrupted one.
/// </summary>
static class InitialSpectra
{
    const string Prefix = "initial_spectrum/";

    public static Dictionary<string, NdArray> ToAttachments(IReadOnlyList<LayerSpectrum> spectra) =>
        spectra.ToDictionary(s => Prefix + s.Layer, s => new NdArray([s.Values.Length], ElementType.Float64, s.Values), StringComparer.Ordinal);

    /// <summary>Each layer's saved spectrum; empty when the checkpoint holds none (written without layer analysis,
    /// or before eoi-checkpoint-2).</summary>
    public static IReadOnlyList<LayerSpectrum> FromAttachments(IReadOnlyDictionary<string, NdArray> attachments, IReadOnlyList<NamedLayer> layers)
    {
        var spectra = new List<LayerSpectrum>(layers.Count);
        foreach (var layer in layers)
        {
            if (!attachments.TryGetValue(Prefix + layer.Path, out var values)) return [];
            int count = Math.Min(layer.Spec.Out, layer.Spec.FanIn);
            if (values.Shape.Rank != 1 || values.Shape[0] != count)
                throw new EoiArgumentException(nameof(attachments), $"the checkpoint's '{Prefix}{layer.Path}' must hold {count} singular values; got shape {values.Shape}");
            spectra.Add(new LayerSpectrum(layer.Path, layer.Spec.Out, layer.Spec.FanIn, values.Data.ToArray()));
        }
        return spectra;
    }
}
