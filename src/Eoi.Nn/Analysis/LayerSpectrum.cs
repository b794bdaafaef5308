using Eoi.Nn.Modules;

namespace Eoi.Nn.Analysis;

/// <summary>
/// The singular values of one weight layer. A convolution's kernel is read as the out x (in * kh * kw)
/// matrix (as Approximate Isometry treats it); for a delta-orthogonal kernel these are the centre tap's.
/// </summary>
public sealed record LayerSpectrum(string Layer, int Rows, int Cols, double[] Values)
{
    public SpectrumStats Stats => SpectrumStats.Of(Values);

    public static LayerSpectrum Of(NamedLayer layer)
    {
        var spec = layer.Spec;
        return new LayerSpectrum(layer.Path, spec.Out, spec.FanIn, SingularValues.Of(layer.Layer.ReadWeight(), spec.Out, spec.FanIn));
    }

    public static IReadOnlyList<LayerSpectrum> OfAll(Module model) => [.. model.WeightLayers().Select(Of)];
}
