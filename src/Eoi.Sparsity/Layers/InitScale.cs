using Eoi.Core;

namespace Eoi.Sparsity;

/// <summary>
/// The two scales of an initialisation: the weight gain sigma_w (an orthogonal layer gets W W^T = sigma_w^2 I)
/// and the bias standard deviation sigma_b (biases ~ N(0, sigma_b^2)). paper.md §1.2 and §8.1 item 9.
/// </summary>
public readonly record struct InitScale
{
    /// <summary>sigma_w of every experiment but the 1000-layer ones.</summary>
    public const double StandardWeightGain = 1.0;
    /// <summary>sigma_b of every experiment but the 1000-layer ones: all biases start at 0.</summary>
    public const double StandardBiasStd = 0.0;
    /// <summary>sigma_w of the 1000-layer MLP and CNN: sqrt(1.05), the tanh critical point.</summary>
    public const double ThousandLayerWeightGain = 1.0247;
    /// <summary>sigma_b of the 1000-layer MLP and CNN: sqrt(2.01e-5).</summary>
    public const double ThousandLayerBiasStd = 0.00448;

    public double WeightGain { get; }
    public double BiasStd { get; }

    public InitScale(double weightGain, double biasStd)
    {
        Guard.PositiveFinite(weightGain, "weight gain");
        Guard.InRange(biasStd, 0.0, double.MaxValue, "bias std");
        WeightGain = weightGain;
        BiasStd = biasStd;
    }

    public static InitScale Standard => new(StandardWeightGain, StandardBiasStd);
    public static InitScale ThousandLayer => new(ThousandLayerWeightGain, ThousandLayerBiasStd);
}
