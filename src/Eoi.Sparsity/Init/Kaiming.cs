using Eoi.Core;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>The distribution of a Kaiming (He) init with standard deviation gain / sqrt(fan_in).</summary>
public enum KaimingDistribution
{
    /// <summary>N(0, gain^2 / fan_in) (kaiming_normal_, mode fan_in; the authors' "vgg" init for convs).</summary>
    Normal,
    /// <summary>U(-b, b) with b = gain * sqrt(3 / fan_in), the same variance (kaiming_uniform_).</summary>
    Uniform,
}

/// <summary>The gain of a nonlinearity, as torch.nn.init.calculate_gain.</summary>
public enum Nonlinearity { Linear, Tanh, Relu, LeakyRelu, Selu }

/// <summary>
/// Kaiming (He et al. 2015) fan-in inits, every position trainable. fan_in = in * kh * kw (PyTorch's).
/// PyTorch's default Linear/Conv init ("default" in paper.md §4.3) is <see cref="KaimingDistribution.Uniform"/>
/// with gain <see cref="TorchDefaultGain"/> (kaiming_uniform_ with a = sqrt(5), bound 1 / sqrt(fan_in)).
/// </summary>
public static class Kaiming
{
    /// <summary>sqrt(2 / (1 + 5)): the gain of kaiming_uniform_(a = sqrt(5)), PyTorch's default layer init.</summary>
    public static readonly double TorchDefaultGain = Math.Sqrt(1.0 / 3.0);

    /// <summary>torch.nn.init.calculate_gain: 1, 5/3, sqrt(2), sqrt(2 / (1 + slope^2)), 3/4.</summary>
    public static double GainFor(Nonlinearity nonlinearity, double negativeSlope = 0.01) => nonlinearity switch
    {
        Nonlinearity.Linear => 1.0,
        Nonlinearity.Tanh => 5.0 / 3.0,
        Nonlinearity.Relu => Math.Sqrt(2.0),
        Nonlinearity.LeakyRelu => Math.Sqrt(2.0 / (1.0 + negativeSlope * negativeSlope)),
        Nonlinearity.Selu => 0.75,
        _ => throw new EoiArgumentException(nameof(nonlinearity), $"nonlinearity must be one of {string.Join(", ", Enum.GetNames<Nonlinearity>())}; got {(int)nonlinearity}"),
    };

    public static LayerInit Initialize(LayerSpec layer, RngKey key, double gain, KaimingDistribution distribution = KaimingDistribution.Normal)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.PositiveFinite(gain, nameof(gain));
        return LayerInit.Dense(layer, Draw(layer, key, gain / Math.Sqrt(layer.FanIn), distribution));
    }

    /// <summary>layer.Count draws with standard deviation std, in flat order.</summary>
    internal static double[] Draw(LayerSpec layer, RngKey key, double std, KaimingDistribution distribution)
    {
        switch (distribution)
        {
            case KaimingDistribution.Normal:
                return new NormalStream(key).Fill(layer.Count, std);
            case KaimingDistribution.Uniform:
                var stream = new RandomStream(key);
                double bound = std * Math.Sqrt(3.0);
                var w = new double[layer.Count];
                for (int p = 0; p < w.Length; p++) w[p] = (2.0 * stream.NextDouble() - 1.0) * bound;
                return w;
            default:
                throw new EoiArgumentException(nameof(distribution), $"distribution must be one of {string.Join(", ", Enum.GetNames<KaimingDistribution>())}; got {(int)distribution}");
        }
    }
}
