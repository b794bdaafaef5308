namespace Eoi.Sparsity.Tests.Support;

/// <summary>
/// L(w) = sum_i (a_i w_i^2 / 2 - b_i w_i) over all weights in layer order: g = a ⊙ w - b and H g = a ⊙ g exactly,
/// so SNIP and GraSP scores can be worked out by hand. It has no SynFlow pass.
/// </summary>
public sealed class QuadraticModel(IReadOnlyList<LayerSpec> layers, double[] a, double[] b) : IScoreModel
{
    public IReadOnlyList<LayerSpec> Layers => layers;

    public double[][] LossGradients(IReadOnlyList<double[]> weights)
    {
        int offset = 0;
        var grads = new double[weights.Count][];
        for (int l = 0; l < weights.Count; l++)
        {
            grads[l] = weights[l].Select((w, p) => a[offset + p] * w - b[offset + p]).ToArray();
            offset += weights[l].Length;
        }
        return grads;
    }

    public double[][] SynFlowGradients(IReadOnlyList<double[]> absWeights) =>
        throw new NotSupportedException("the quadratic test model has no SynFlow pass");
}
