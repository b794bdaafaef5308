using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// Kaiming with the fan-in of each output row taken as its number of mask positions (paper.md §4.3,
/// "sparse_fan_in"; the authors draw U(±1 / sqrt(nnz)), i.e. <see cref="KaimingDistribution.Uniform"/> with gain
/// <see cref="Kaiming.TorchDefaultGain"/>). The draws are those of <see cref="Kaiming.Initialize"/> with the same
/// key, rescaled per row by sqrt(fan_in / nnz_row) and masked, so with a full mask the two inits coincide.
/// A row of the out x (in * kh * kw) flattening with no mask position stays all zero.
/// </summary>
public static class SparseScaledKaiming
{
    public static LayerInit Initialize(LayerSpec layer, NdArray mask, RngKey key, double gain,
                                       KaimingDistribution distribution = KaimingDistribution.Normal)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.NotNull(mask, nameof(mask));
        Guard.PositiveFinite(gain, nameof(gain));
        var dense = Kaiming.Draw(layer, key, gain / Math.Sqrt(layer.FanIn), distribution);
        return Rescale(new LayerInit(layer, new NdArray(layer.Shape, ElementType.Float64, dense), Masks.Full(layer)), mask);
    }

    /// <summary>A dense Kaiming layer turned sparse-scaled under the mask: row r times sqrt(fan_in / nnz_r).</summary>
    public static LayerInit Rescale(LayerInit denseKaiming, NdArray mask)
    {
        Guard.NotNull(denseKaiming, nameof(denseKaiming));
        var layer = denseKaiming.Layer;
        var masked = Masks.Apply(denseKaiming.Values, mask).Data.ToArray();
        int fanIn = layer.FanIn;
        for (int row = 0; row < layer.Out; row++)
        {
            int nnz = 0;
            for (int p = row * fanIn; p < (row + 1) * fanIn; p++)
                if (mask.Data[p] != 0.0) nnz++;
            if (nnz == 0) continue;
            double factor = Math.Sqrt((double)fanIn / nnz);
            for (int p = row * fanIn; p < (row + 1) * fanIn; p++) masked[p] *= factor;
        }
        return new LayerInit(layer, new NdArray(layer.Shape, ElementType.Float64, masked), mask);
    }
}
