
namespace Eoi.Backends.Conformance.Tests;

/// <summary>
/// The activations and their derivatives by their definitions (PyTorch's, including the branch taken at each
/// kink). The parameter <c>slope</c> is leaky ReLU's slope as the device holds it.
/// </summary>
static class ActivationReference
{
    const double Lambda = Activation.SeluScale, Alpha = Activation.SeluAlpha;

    public static Expected Forward(ActivationKind kind, double slope, double[] x, double u)
    {
        var values = new double[x.Length];
        var bounds = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            (values[i], bounds[i]) = kind switch
            {
                ActivationKind.Identity => (v, 0),
                ActivationKind.Tanh => (Math.Tanh(v), Tolerances.Transcendental(0, Math.Abs(Math.Tanh(v)), u)),
                ActivationKind.Relu => (v > 0 || double.IsNaN(v) ? v : 0, 0),
                ActivationKind.LeakyRelu => (v > 0 ? v : v * slope, Tolerances.Rounded(1, Math.Abs(v * slope), u)),
                ActivationKind.HardTanh => (Math.Clamp(v, -1, 1), 0),
                // The constants are rounded once each, then up to three operations: (e^x - 1), the product.
                ActivationKind.Selu => v > 0
                    ? (Lambda * v, Tolerances.Rounded(2, Math.Abs(Lambda * v), u))
                    : (Lambda * Alpha * (Math.Exp(v) - 1), Tolerances.Transcendental(3, Lambda * Alpha * (Math.Exp(v) + 1), u)),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
            };
        }
        return new Expected(values, bounds);
    }

    /// <summary>dx = f'(x) dy; tanh's from the forward output <paramref name="y"/>, the rest from x.</summary>
    public static Expected Backward(ActivationKind kind, double slope, double[] x, double[] y, double[] dy, double u)
    {
        var values = new double[x.Length];
        var bounds = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i], g = dy[i];
            (values[i], bounds[i]) = kind switch
            {
                ActivationKind.Identity => (g, 0),
                ActivationKind.Tanh => (g * (1 - y[i] * y[i]), Tolerances.Rounded(3, Math.Abs(g) * (1 + y[i] * y[i]), u)),
                ActivationKind.Relu => (v > 0 ? g : 0, 0),
                ActivationKind.LeakyRelu => (v > 0 ? g : g * slope, Tolerances.Rounded(1, Math.Abs(g * slope), u)),
                ActivationKind.HardTanh => (v > -1 && v < 1 ? g : 0, 0),
                // Two rounded constants, their product, e^x, two more products.
                ActivationKind.Selu => v > 0
                    ? (Lambda * g, Tolerances.Rounded(2, Math.Abs(Lambda * g), u))
                    : (Lambda * Alpha * Math.Exp(v) * g, Tolerances.Transcendental(5, Math.Abs(Lambda * Alpha * Math.Exp(v) * g), u)),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
            };
        }
        return new Expected(values, bounds);
    }
}
