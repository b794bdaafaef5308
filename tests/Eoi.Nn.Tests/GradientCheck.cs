using Eoi.Autograd;
using Eoi.Nn.Functional;

namespace Eoi.Nn.Tests;

/// <summary>
/// Autograd gradients against central finite differences in float64, for L = sum(R * f(inputs)) with fixed
/// random R. Tolerance: with h = 1e-6 the truncation error h^2 |f'''| / 6 is ~1e-12 for these smooth
/// functions and the rounding error eps * |L| / h stays under 1e-8 for the small cases used (|L| &lt; 100),
/// so 1e-6 relative to max(1, |numeric|) passes a correct backward and fails any wrong one (off by O(0.1)).
/// </summary>
static class GradientCheck
{
    const double Step = 1e-6;
    const double Tolerance = 1e-6;

    public delegate (Tensor Output, Tensor[] Leaves) Function(double[][] inputs);

    public static void Assert(Function function, double[][] inputs, int seed)
    {
        double[][] analytic;
        double[] weights;
        using (TensorScope.Begin())
        {
            var (output, leaves) = function(inputs);
            weights = TestData.Uniform(seed, output.Count);
            output.Backward(HostTensors.Constant(output, output.Shape, weights));
            analytic = [.. leaves.Select(l => l.Grad is { } g ? HostTensors.Read(g) : new double[l.Count])];
        }
        CentralDifferences.AssertGradients(x => WeightedSum(function, x, weights), inputs, analytic, Step, Tolerance);
    }

    static double WeightedSum(Function function, double[][] inputs, double[] weights)
    {
        using var scope = TensorScope.Begin();
        using var noGrad = GradMode.Disable();
        var y = HostTensors.Read(function(inputs).Output);
        double sum = 0;
        for (int i = 0; i < y.Length; i++) sum += weights[i] * y[i];
        return sum;
    }
}
