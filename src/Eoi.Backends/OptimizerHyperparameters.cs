using Eoi.Core;

namespace Eoi.Backends;

/// <summary>
/// SGD as PyTorch defines it (dampening 0): g = grad + WeightDecay * p; buf = g on the first step, else
/// buf = Momentum * buf + g; g = Nesterov ? g + Momentum * buf : buf; p -= LearningRate * g.
/// With Momentum 0 there is no buffer and g is used directly.
/// </summary>
public readonly record struct SgdHyperparameters(double LearningRate, double Momentum = 0, double WeightDecay = 0, bool Nesterov = false)
{
    public void Validate()
    {
        Guard.InRange(LearningRate, 0, double.MaxValue, nameof(LearningRate));
        Guard.InRange(Momentum, 0, 1, nameof(Momentum));
        Guard.InRange(WeightDecay, 0, double.MaxValue, nameof(WeightDecay));
        if (Nesterov && Momentum == 0)
            throw new EoiArgumentException(nameof(Momentum), "Nesterov SGD needs Momentum in (0, 1]; got 0");
    }
}

/// <summary>
/// Adam as PyTorch defines it (L2 weight decay added to the gradient, not AdamW): g = grad + WeightDecay * p;
/// m = Beta1 m + (1 - Beta1) g; v = Beta2 v + (1 - Beta2) g^2; at step t (from 1)
/// p -= (LearningRate / (1 - Beta1^t)) * m / (sqrt(v) / sqrt(1 - Beta2^t) + Epsilon).
/// </summary>
public readonly record struct AdamHyperparameters(
    double LearningRate, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-8, double WeightDecay = 0)
{
    public void Validate()
    {
        Guard.InRange(LearningRate, 0, double.MaxValue, nameof(LearningRate));
        Guard.InRange(Beta1, 0, Math.BitDecrement(1.0), nameof(Beta1));
        Guard.InRange(Beta2, 0, Math.BitDecrement(1.0), nameof(Beta2));
        Guard.PositiveFinite(Epsilon, nameof(Epsilon));
        Guard.InRange(WeightDecay, 0, double.MaxValue, nameof(WeightDecay));
    }
}
