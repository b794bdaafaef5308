using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// The paper's dense "orthogonal" init (paper.md §3 step 1 and §4.3): torch.nn.init.orthogonal_ times the gain
/// on linear layers, and Xiao et al.'s block-orthogonal kernel (<see cref="ConvOrthogonal"/>) on convolutions.
/// The authors' "conv_orthogonal" init_type is the same pair, so both names map here.
/// </summary>
public static class DenseOrthogonal
{
    public static LayerInit Initialize(LayerSpec layer, RngKey key, double gain)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.PositiveFinite(gain, nameof(gain));
        return layer.Kind == LayerKind.Linear
            ? LayerInit.Dense(layer, Matrix(layer.Out, layer.In, key, gain))
            : ConvOrthogonal.Initialize(layer, key, gain);
    }

    /// <summary>
    /// A rows x cols matrix with orthonormal rows (rows &lt;= cols) or columns (rows > cols), times the gain, as
    /// orthogonal_ makes it: the Q factor, sign-fixed, of the QR of a max x min standard Gaussian matrix,
    /// transposed back when rows &lt; cols. Row-major.
    /// </summary>
    public static double[] Matrix(int rows, int cols, RngKey key, double gain)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(cols, nameof(cols));
        Guard.PositiveFinite(gain, nameof(gain));
        int tall = Math.Max(rows, cols), narrow = Math.Min(rows, cols);
        var gaussian = new NormalStream(key).Fill(tall * narrow);
        var q = HouseholderQr.OrthonormalColumns(gaussian, tall, narrow);
        var w = rows >= cols ? q : DenseMatrix.Transpose(q, tall, narrow);
        DenseMatrix.Scale(w, gain);
        return w;
    }
}
