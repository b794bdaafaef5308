using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>The two SAO constructions (Esguerra et al., IEEE Access 2023).</summary>
public enum SaoActivation
{
    /// <summary>An exactly orthogonal c x c matrix with degree g non-zeros in every row and column.</summary>
    Tanh,
    /// <summary>[[W, -W], [-W, W]] of a tanh SAO W of size c/2 and degree g/2: the "looks-linear" layout, whose
    /// restriction to inputs [h; -h] is the isometry 2 W (the matrix itself has rank c/2, it is not orthogonal).</summary>
    Relu,
}

/// <summary>
/// Sparsity-Aware Orthogonal initialisation, the degree-based baseline (paper.md §4.2). A square c x c layer of
/// degree g (density g / c) is built as:
///   1. a random partition of the c columns into c/g groups of g (here a uniform shuffle; the authors retry a
///      random fill of a (c/g) x c 0/1 block with one 1 per column and g per row);
///   2. the same block stacked g times, so rows i, i + c/g, ..., i + (g-1) c/g share the support of group i;
///   3. each such g x g submatrix filled with an orthonormal matrix (here Haar, from
///      <see cref="DenseOrthogonal.Matrix"/>; the authors use scipy.linalg.orth of a Uniform[0,1) matrix).
/// The result is a row and column permutation of c/g dense g x g orthogonal blocks, so it is exactly orthogonal.
///
/// Density limits: only densities g / c; the degree must divide c, lie in [2, c] for tanh (the SAO README's
/// minimum), and be even with g >= 4 for ReLU. Non-square layers (first and last) and a first convolution
/// reading an image (in = 3) cannot be sparse: they get a dense orthogonal matrix (linear) or a dense
/// delta-orthogonal kernel (conv). A sparse conv holds the SAO matrix at its centre tap and its mask opens the
/// whole kh x kw kernel of every (out, in) pair in the SAO support (the authors hard-code the centre [1, 1] of
/// 3 x 3 kernels; here it is ((kh-1)/2, (kw-1)/2) of any odd kernel).
/// </summary>
public static class Sao
{
    /// <summary>Whether SAO makes this layer sparse (square, and not an image-input conv).</summary>
    public static bool IsSparse(LayerSpec layer)
    {
        Guard.NotNull(layer, nameof(layer));
        return layer.Out == layer.In && !layer.IsImageInputConv;
    }

    public static LayerInit Initialize(LayerSpec layer, int degree, RngKey key, double gain, SaoActivation activation = SaoActivation.Tanh)
    {
        Guard.NotNull(layer, nameof(layer));
        Guard.PositiveFinite(gain, nameof(gain));
        // A dense layer ignores the degree, but no layer accepts one SAO can never use.
        Guard.InRange(degree, 2, int.MaxValue, nameof(degree));
        if (layer.Kind == LayerKind.Conv)
            DenseDeltaOrthogonal.RequireCentreTap(layer);
        if (!IsSparse(layer))
            return DenseDeltaOrthogonal.Initialize(layer, key, gain);
        var (values, support) = Matrix(layer.Out, degree, key, activation);
        DenseMatrix.Scale(values, gain);
        var mask = new double[layer.Count];
        for (int pair = 0; pair < support.Length; pair++)
            if (support[pair])
                mask.AsSpan(pair * layer.Taps, layer.Taps).Fill(1.0);
        return new LayerInit(layer, new NdArray(layer.Shape, ElementType.Float64, DenseDeltaOrthogonal.AtCentreTap(layer, values)),
                             new NdArray(layer.Shape, ElementType.Bool, mask));
    }

    /// <summary>The size x size SAO matrix (row-major, gain 1) and its structural support.</summary>
    public static (double[] Values, bool[] Support) Matrix(int size, int degree, RngKey key, SaoActivation activation = SaoActivation.Tanh)
    {
        Guard.Positive(size, nameof(size));
        ValidateDegree(size, degree, activation);
        if (activation == SaoActivation.Tanh)
            return TanhMatrix(size, degree, key);
        int half = size / 2;
        var (w, s) = TanhMatrix(half, degree / 2, key);
        var values = new double[size * size];
        var support = new bool[size * size];
        for (int i = 0; i < half; i++)
            for (int j = 0; j < half; j++)
            {
                double v = w[i * half + j];
                bool on = s[i * half + j];
                foreach (var (di, dj, sign) in new[] { (0, 0, 1.0), (0, half, -1.0), (half, 0, -1.0), (half, half, 1.0) })
                {
                    values[(i + di) * size + j + dj] = sign * v;
                    support[(i + di) * size + j + dj] = on;
                }
            }
        return (values, support);
    }

    /// <summary>Throws an <see cref="EoiArgumentException"/> naming "degree" unless SAO can build size x size at this degree.</summary>
    public static void ValidateDegree(int size, int degree, SaoActivation activation)
    {
        switch (activation)
        {
            case SaoActivation.Tanh:
                if (degree < 2 || degree > size || size % degree != 0)
                    throw new EoiArgumentException(nameof(degree),
                        $"degree must be a divisor of the layer size {size} in [2, {size}] (SAO tanh; density = degree / {size}); got {degree}");
                break;
            case SaoActivation.Relu:
                if (degree < 4 || degree > size || degree % 2 != 0 || size % degree != 0)
                    throw new EoiArgumentException(nameof(degree),
                        $"degree must be an even divisor of the even layer size {size} in [4, {size}] (SAO ReLU halves both; density = degree / {size}); got {degree}");
                break;
            default:
                throw new EoiArgumentException(nameof(activation), $"activation must be one of {string.Join(", ", Enum.GetNames<SaoActivation>())}; got {(int)activation}");
        }
    }

    // Group q of columns is shuffled[q*g .. (q+1)*g); rows q + k*(c/g), k = 0..g-1, get the rows of a g x g
    // orthogonal matrix on those columns. Key use: the shuffle from key.Split(0), group q's block from key.Split(1 + q).
    static (double[] Values, bool[] Support) TanhMatrix(int c, int g, RngKey key)
    {
        int groups = c / g;
        var columns = Enumerable.Range(0, c).ToArray();
        Sampling.Choose(columns, c, key.Split(0));
        var values = new double[c * c];
        var support = new bool[c * c];
        for (int q = 0; q < groups; q++)
        {
            var block = DenseOrthogonal.Matrix(g, g, key.Split(1 + (ulong)q), 1.0);
            var cols = columns.AsSpan(q * g, g).ToArray();
            Array.Sort(cols);
            for (int k = 0; k < g; k++)
            {
                int row = q + k * groups;
                for (int t = 0; t < g; t++)
                {
                    values[row * c + cols[t]] = block[k * g + t];
                    support[row * c + cols[t]] = true;
                }
            }
        }
        return (values, support);
    }
}
