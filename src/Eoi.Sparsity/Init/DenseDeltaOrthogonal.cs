using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// The dense "delta_orthogonal" init (paper.md §4.3; Xiao et al. 2018, Algorithm 2): a dense orthogonal
/// out x in matrix (<see cref="DenseOrthogonal.Matrix"/>) times the gain at the centre tap ((kh-1)/2, (kw-1)/2),
/// every other tap 0, every position trainable. The dense baseline of the 1000-layer CNN; a linear layer gets
/// the plain orthogonal matrix (its only tap is the centre).
/// </summary>
public static class DenseDeltaOrthogonal
{
    public static LayerInit Initialize(LayerSpec layer, RngKey key, double gain)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.PositiveFinite(gain, nameof(gain));
        RequireCentreTap(layer);
        return LayerInit.Dense(layer, AtCentreTap(layer, DenseOrthogonal.Matrix(layer.Out, layer.In, key, gain)));
    }

    /// <summary>The out x in row-major matrix placed at the centre tap of a zero kernel of the layer's shape.</summary>
    public static double[] AtCentreTap(LayerSpec layer, double[] centre) =>
        Orthogonal.CentreTap.Embed(centre, layer.Out, layer.In, layer.KernelHeight, layer.KernelWidth);

    /// <summary>A delta kernel needs a centre tap: odd height and width (the authors reject k = 2).</summary>
    public static void RequireCentreTap(LayerSpec layer)
    {
        if (layer.KernelHeight % 2 == 0 || layer.KernelWidth % 2 == 0)
            throw new EoiArgumentException("kernel", $"kernel height and width must be odd (a delta kernel needs a centre tap); got {layer.KernelHeight} x {layer.KernelWidth}");
    }
}
