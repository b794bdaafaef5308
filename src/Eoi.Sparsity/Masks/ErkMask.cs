using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// erk, Erdős–Rényi-Kernel (Evci et al. 2020; paper.md §3 step 2): layer l gets density eps * (sum of its dims) /
/// (product of its dims), power 1, with eps solved so the expected kept count is d * total. A layer whose density
/// would exceed 1 is made dense (all layers sharing the largest raw ratio at once, as the sparselearning code
/// does) and eps re-solved over the rest until no density exceeds 1. Positions are Bernoulli at each layer's
/// density, layer l from key.Split(l).
/// </summary>
public sealed class ErkMask : IMaskMethod
{
    public MaskMethodKind Kind => MaskMethodKind.Erk;

    public MaskSet Select(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NdArray>? weights, double density, RngKey key)
    {
        var densities = Densities(layers, density);
        return MaskArguments.Bernoulli(layers, l => densities[l], key);
    }

    /// <summary>(out + in + kh + kw) / (out * in * kh * kw) for a conv, (out + in) / (out * in) for a linear layer.</summary>
    public static double RawRatio(LayerSpec layer)
    {
        Guard.NotNull(layer, nameof(layer));
        double sum = layer.Out + layer.In, product = layer.Count;
        if (layer.Kind == LayerKind.Conv) sum += layer.KernelHeight + layer.KernelWidth;
        return sum / product;
    }

    /// <summary>The per-layer densities: sum_l density_l * count_l = d * sum_l count_l, each in (0, 1].</summary>
    public static double[] Densities(IReadOnlyList<LayerSpec> layers, double density)
    {
        MaskArguments.Check(layers, density);
        var raw = layers.Select(RawRatio).ToArray();
        var dense = new bool[layers.Count];
        while (true)
        {
            double keptBySparse = 0, divisor = 0;
            for (int l = 0; l < layers.Count; l++)
            {
                // The sparse layers carry d * total minus what the dense ones hold beyond their own d * count.
                keptBySparse += dense[l] ? -layers[l].Count * (1 - density) : layers[l].Count * density;
                if (!dense[l]) divisor += raw[l] * layers[l].Count;
            }
            if (divisor == 0) break;
            double epsilon = keptBySparse / divisor;
            double largest = Enumerable.Range(0, layers.Count).Where(l => !dense[l]).Max(l => raw[l]);
            if (largest * epsilon <= 1.0)
                return Enumerable.Range(0, layers.Count).Select(l => dense[l] ? 1.0 : Math.Min(1.0, epsilon * raw[l])).ToArray();
            for (int l = 0; l < layers.Count; l++)
                if (!dense[l] && raw[l] == largest) dense[l] = true;
        }
        return Enumerable.Repeat(1.0, layers.Count).ToArray();
    }
}
