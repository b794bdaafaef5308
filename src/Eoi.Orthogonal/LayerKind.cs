namespace Eoi.Orthogonal;

/// <summary>The two kinds of layer weight the paper prunes and initialises: a matrix (<see cref="SparseOrthogonal"/>)
/// or a convolution kernel (<see cref="DeltaOrthogonal"/>). One enum for the oracle's files and the training code.</summary>
public enum LayerKind
{
    /// <summary>A fully connected layer, weight (out, in).</summary>
    Linear,
    /// <summary>A 2-D convolution, weight (out, in, kernel height, kernel width).</summary>
    Conv,
}
