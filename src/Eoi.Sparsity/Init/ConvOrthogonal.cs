using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// Block-orthogonal convolution kernels, Xiao et al. 2018 ("Dynamical Isometry and a Mean Field Theory of
/// CNNs"), Algorithm 1 (paper.md §4.3, "conv_orthogonal"). With s = min(out, in) and n = max(out, in), the
/// kernel, read as a polynomial of s x n tap matrices K(y, x), is
///   K = O * B_1 * ... * B_{k-1},   B_t = [[P_t Q_t, P_t (I - Q_t)], [(I - P_t) Q_t, (I - P_t)(I - Q_t)]],
/// where * is the 2-D convolution of kernels of matrices, O is an s x n matrix with orthonormal rows (the first
/// s rows of a Haar n x n orthogonal matrix), and P_t, Q_t are random symmetric projections of R^n. Each B_t is
/// paraunitary, so K satisfies the delta condition sum_t K_t K_{t+shift}^T = [shift = 0] I_s: with circular
/// padding the convolution is an isometry (on the input side when in &lt;= out, as in TensorFlow's
/// ConvolutionOrthogonal2D; the authors transpose when in > out, giving row-orthogonality on the output side).
///
/// Choices where the description leaves room:
/// - Rectangular kernels (kh != kw) are allowed: B_t = V(P_t) * H(Q_t) with V = [P; I - P] (2 x 1) and
///   H = [Q, I - Q] (1 x 2); step t applies V while t &lt; kh - 1 and H while t &lt; kw - 1. For kh = kw this is
///   exactly Algorithm 1's block, since V(P) * H(Q) equals the 2 x 2 block above.
/// - A symmetric projection is C C^T with C a Haar orthogonal n x n matrix whose columns are each kept with
///   probability 1/2 (TensorFlow's _symmetric_projection, with its "normal > 0" coin as a fair bit).
/// - Key use: O from key.Split(0); P_t from key.Split(2t + 1), Q_t from key.Split(2t + 2).
/// </summary>
public static class ConvOrthogonal
{
    public static LayerInit Initialize(LayerSpec layer, RngKey key, double gain)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.PositiveFinite(gain, nameof(gain));
        if (layer.Kind != LayerKind.Conv)
            throw new EoiArgumentException("layer", $"layer must be a Conv layer for the conv-orthogonal init; got {layer}");
        int s = Math.Min(layer.Out, layer.In), n = Math.Max(layer.Out, layer.In);
        var kernel = new TapKernel(1, 1, s, n);
        kernel.Taps[0] = TopRows(DenseOrthogonal.Matrix(n, n, key.Split(0), 1.0), s, n);
        int steps = Math.Max(layer.KernelHeight, layer.KernelWidth) - 1;
        for (int t = 0; t < steps; t++)
        {
            if (t < layer.KernelHeight - 1)
                kernel = kernel.Convolve(TapKernel.ProjectionPair(SymmetricProjection(n, key.Split(2UL * (ulong)t + 1)), n, vertical: true));
            if (t < layer.KernelWidth - 1)
                kernel = kernel.Convolve(TapKernel.ProjectionPair(SymmetricProjection(n, key.Split(2UL * (ulong)t + 2)), n, vertical: false));
        }
        return LayerInit.Dense(layer, ToPyTorchLayout(kernel, layer, gain));
    }

    /// <summary>C C^T for C a Haar orthogonal n x n matrix with each column kept with probability 1/2.</summary>
    static double[] SymmetricProjection(int n, RngKey key)
    {
        var q = DenseOrthogonal.Matrix(n, n, key.Split(0), 1.0);
        var coins = new RandomStream(key.Split(1));
        for (int j = 0; j < n; j++)
        {
            if ((coins.NextUInt32() & 1) != 0) continue;
            for (int i = 0; i < n; i++) q[i * n + j] = 0.0;
        }
        return DenseMatrix.Multiply(q, DenseMatrix.Transpose(q, n, n), n, n, n);
    }

    static double[] TopRows(double[] a, int rows, int cols) => a[..(rows * cols)];

    // Tap (y, x) holds an s x n matrix; PyTorch wants out x in at [o, i, y, x].
    static double[] ToPyTorchLayout(TapKernel k, LayerSpec layer, double gain)
    {
        var w = new double[layer.Count];
        bool outIsShort = layer.Out <= layer.In;
        for (int y = 0; y < layer.KernelHeight; y++)
            for (int x = 0; x < layer.KernelWidth; x++)
            {
                var tap = k.Taps[y * k.Width + x];
                int tapIndex = y * layer.KernelWidth + x;
                for (int o = 0; o < layer.Out; o++)
                    for (int i = 0; i < layer.In; i++)
                        w[(o * layer.In + i) * layer.Taps + tapIndex] = gain * (outIsShort ? tap[o * k.Cols + i] : tap[i * k.Cols + o]);
            }
        return w;
    }
}
