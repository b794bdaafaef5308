using Eoi.Core;

namespace Eoi.Backends;

public enum ActivationKind
{
    Identity,
    Tanh,
    Relu,
    LeakyRelu,
    /// <summary>Clamp to [-1, 1] (PyTorch's Hardtanh with its default bounds, as the paper uses it).</summary>
    HardTanh,
    Selu,
}

/// <summary>
/// An elementwise activation and its one parameter. Derivatives at the kinks follow PyTorch, so gradients
/// match it bit for bit in meaning: ReLU and leaky ReLU use the right branch only for x &gt; 0, and
/// HardTanh passes the gradient only strictly inside (-1, 1). NegativeSlope matters only to LeakyRelu.
/// </summary>
public readonly record struct Activation(ActivationKind Kind, double NegativeSlope = Activation.DefaultNegativeSlope)
{
    /// <summary>SELU constants of Klambauer et al. (2017), as PyTorch defines them.</summary>
    public const double SeluAlpha = 1.6732632423543772848170429916717;
    public const double SeluScale = 1.0507009873554804934193349852946;

    /// <summary>PyTorch's default slope for LeakyReLU.</summary>
    public const double DefaultNegativeSlope = 0.01;

    public static Activation Identity => new(ActivationKind.Identity);
    public static Activation Tanh => new(ActivationKind.Tanh);
    public static Activation Relu => new(ActivationKind.Relu);
    public static Activation HardTanh => new(ActivationKind.HardTanh);
    public static Activation Selu => new(ActivationKind.Selu);

    public static Activation LeakyRelu(double negativeSlope = DefaultNegativeSlope)
    {
        Guard.Finite(negativeSlope, nameof(negativeSlope));
        return new(ActivationKind.LeakyRelu, negativeSlope);
    }
}
