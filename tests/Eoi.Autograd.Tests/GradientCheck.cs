namespace Eoi.Autograd.Tests;

/// <summary>
/// Compares autograd's gradients with central finite differences in float64. The scalar checked is
/// L = sum(R * f(inputs)) for fixed random weights R, so every output element and every input element is tested.
/// </summary>
static class GradientCheck
{
    /// <summary>Central-difference step h.</summary>
    public const double Step = 1e-6;

    /// <summary>
    /// Allowed |analytic - numeric| as a fraction of max(1, |numeric|). Two errors make up the numeric side:
    /// truncation, h^2 |f'''| / 6 ~ 2e-13 for the smooth ops here (|f'''| &lt;= ~10; kinks are kept 1e-3 away,
    /// see <see cref="TestData.KinkMargin"/>), and rounding, ~eps * S / h where S is the sum of |terms| of L
    /// and eps = 2.2e-16. The largest generated case, a convolution of a batch of 2 5 x 5 images from 3 to 3
    /// channels with 3 x 3 kernels (150 outputs of 27 products, R, x and w in [-1, 1]), has S &lt;= 4.1e3, so
    /// rounding stays under 1e-6. 1e-5 leaves a factor of 10, and a wrong
    /// backward is off by O(0.1) or more.
    /// </summary>
    public const double Tolerance = 1e-5;

    /// <summary>A model: builds its output from the given input values and returns the leaves (one per input,
    /// in order, requiring grad) whose gradients are checked.</summary>
    public delegate (Tensor Output, Tensor[] Leaves) Model(double[][] inputs);

    public static void AssertGradients(Model model, double[][] inputs, int seed)
    {
        double[][] analytic;
        double[] weights;
        using (TensorScope.Begin())
        {
            var (output, leaves) = model(inputs);
            weights = TestData.Uniform(seed ^ 0x5eed, output.Count);
            output.Backward(Tensor.FromArray(TestData.Cpu, output.Shape, weights));
            analytic = leaves.Select(l => l.Grad?.ToArray<double>() ?? new double[l.Count]).ToArray();
            foreach (var leaf in leaves) leaf.ClearGrad();
        }

        CentralDifferences.AssertGradients(x => WeightedSum(model, x, weights), inputs, analytic, Step, Tolerance);
    }

    static double WeightedSum(Model model, double[][] inputs, double[] weights)
    {
        using var _ = TensorScope.Begin();
        using var noGrad = GradMode.Disable();
        var y = model(inputs).Output.ToArray<double>();
        double sum = 0;
        for (int i = 0; i < y.Length; i++) sum += weights[i] * y[i];
        return sum;
    }
}
