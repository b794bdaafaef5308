using Xunit;

namespace Eoi.TestSupport;

/// <summary>The finite-difference half of a gradient check: compares analytic gradients with central differences
/// of a scalar objective, element by element. Each caller states its step and tolerance (and why).</summary>
public static class CentralDifferences
{
    /// <param name="objective">The scalar whose gradient <paramref name="analytic"/> claims to be, as a function of
    /// all inputs; called twice per element with that element moved by ±<paramref name="step"/>.</param>
    /// <param name="inputs">The point to check at, one array per input; each element is moved and restored.</param>
    /// <param name="analytic">The gradients to check, shaped like <paramref name="inputs"/>.</param>
    /// <param name="step">The finite-difference step h of (f(x + h) - f(x - h)) / 2h.</param>
    /// <param name="tolerance">Allowed |analytic - numeric| as a fraction of max(1, |numeric|).</param>
    public static void AssertGradients(Func<double[][], double> objective, double[][] inputs, double[][] analytic, double step, double tolerance)
    {
        for (int j = 0; j < inputs.Length; j++)
            for (int i = 0; i < inputs[j].Length; i++)
            {
                double original = inputs[j][i];
                inputs[j][i] = original + step;
                double plus = objective(inputs);
                inputs[j][i] = original - step;
                double minus = objective(inputs);
                inputs[j][i] = original;
                double numeric = (plus - minus) / (2 * step);
                double error = Math.Abs(analytic[j][i] - numeric);
                Assert.True(error <= tolerance * Math.Max(1, Math.Abs(numeric)),
                    $"input {j}, element {i}: autograd {analytic[j][i]:R}, central difference {numeric:R}, error {error:E2} > {tolerance:E0}");
            }
    }
}
