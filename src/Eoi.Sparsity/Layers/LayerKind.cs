namespace Eoi.Sparsity;

/// <summary>The two kinds of masked weight the paper prunes and initialises (paper.md §3 step 2).</summary>
public enum LayerKind
{
    /// <summary>A fully connected layer, weight (out, in).</summary>
    Linear,
    /// <summary>A 2-D convolution, weight (out, in, kernel height, kernel width).</summary>
    Conv,
}
