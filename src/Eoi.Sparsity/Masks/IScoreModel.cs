namespace Eoi.Sparsity;

/// <summary>
/// The network as the data-driven mask methods see it, so this library never depends on the autograd. Weights
/// and gradients are flat float64 arrays, one per layer, in the PyTorch layout of <see cref="Layers"/>.
/// </summary>
public interface IScoreModel
{
    /// <summary>The masked weights, in the order every array argument and result follows.</summary>
    IReadOnlyList<LayerSpec> Layers { get; }

    /// <summary>
    /// dL/dW for every layer at the given weights (any mask already applied to them), the loss summed or averaged
    /// over the model's scoring batch(es): one batch of 128 for SNIP, the whole training set for GraSP in the
    /// authors' code (paper.md §3 step 2). Temperature scaling of the logits (GraSP's T = 200) is the model's
    /// business, as are the loss (cross-entropy) and the mode (train or eval).
    /// </summary>
    double[][] LossGradients(IReadOnlyList<double[]> weights);

    /// <summary>
    /// dR/dW for R = sum of the network's outputs on an all-ones input, evaluated with the given (non-negative)
    /// weights, as SynFlow prescribes (Tanaka et al. 2020): biases and normalisation handled as the model's
    /// SynFlow mode does (Tanaka et al.'s code takes |w| of every parameter, the EOI authors run the model in eval mode).
    /// </summary>
    double[][] SynFlowGradients(IReadOnlyList<double[]> absWeights);
}
