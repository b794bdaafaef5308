using Eoi.Core;
using Eoi.Random;

namespace Eoi.Orthogonal;

/// <summary>Shape of a convolution kernel, PyTorch layout (out channels, in channels, height, width).</summary>
public readonly record struct KernelShape(int Out, int In, int Height, int Width)
{
    /// <summary>Number of kernel entries: out x in x height x width.</summary>
    public long Count => (long)Out * In * Height * Width;
    /// <summary>[out, in, height, width], as an <see cref="NdArray"/> shape.</summary>
    public Shape ToShape() => [Out, In, Height, Width];
    /// <summary>"64 x 32 x 3 x 3".</summary>
    public override string ToString() => $"{Out} x {In} x {Height} x {Width}";
}

/// <summary>How the centre tap's density follows from the layer density d.</summary>
public enum CentreDensityRule
{
    /// <summary>Centre density = d (the authors' default and their 1000-layer CNN).</summary>
    Plain,
    /// <summary>The authors' "more_nonzeros": min(d * kh * kw, 1, sqrt(d)).</summary>
    MoreNonZeros,
}

/// <summary>A sparse delta-orthogonal kernel: values (only the centre tap non-zero) and the trainable mask.</summary>
/// <param name="Shape">The kernel's shape, PyTorch layout.</param>
/// <param name="TargetDensity">The layer density d the mask was made for.</param>
/// <param name="CentreDensity">Density the centre matrix was asked for, after raising it to the EOI minimum if needed.</param>
/// <param name="CentreDensityRaised">True when the rule's centre density was below 1 / max(out, in) and had to be raised.</param>
/// <param name="Centre">The EOI matrix at the centre tap, gain included.</param>
/// <param name="Values">The kernel's float64 values, shape <see cref="KernelShape.ToShape"/>; zero off the centre tap.</param>
/// <param name="Mask">The trainable positions (1) of the same shape: the centre's support plus the unfrozen zeros.</param>
public sealed record DeltaOrthogonalKernel(
    KernelShape Shape,
    double TargetDensity,
    double CentreDensity,
    bool CentreDensityRaised,
    EoiMatrix Centre,
    NdArray Values,
    NdArray Mask)
{
    /// <summary>Trainable positions in the mask.</summary>
    public long MaskCount => Mask.CountNonZero();
    /// <summary><see cref="MaskCount"/> / the number of kernel entries.</summary>
    public double MaskDensity => MaskCount / (double)Shape.Count;
}

/// <summary>
/// EOI for convolutions (the authors' sparse_delta_orthogonal): an EOI matrix H of shape out x in at the
/// centre tap ((h-1)/2, (w-1)/2) times the gain, every other tap zero, so with circular padding and a
/// square H the convolution is an exact isometry (Xiao et al. 2018). Then zero positions anywhere in the
/// kernel are "unfrozen" (mask 1, value 0) until the mask holds round(d * numel) positions.
/// </summary>
public static class DeltaOrthogonal
{
    /// <summary>The centre tap's density for layer density <paramref name="density"/> under <paramref name="rule"/>,
    /// before raising it to the EOI minimum: d (<see cref="CentreDensityRule.Plain"/>) or min(d·h·w, 1, √d).</summary>
    public static double CentreDensityFor(double density, int height, int width, CentreDensityRule rule) =>
        rule == CentreDensityRule.MoreNonZeros
            ? Math.Min(Math.Min(density * height * width, 1.0), Math.Sqrt(density))
            : density;

    /// <summary>
    /// Key use: the centre matrix is drawn with key.Split(0), the unfrozen positions with key.Split(1).
    /// Unfrozen positions are a uniform sample without replacement of the positions outside the centre
    /// support, by a partial Fisher-Yates shuffle of those flat indices in increasing order; the authors
    /// draw 4-d indices with rejection, which gives the same distribution with other bits.
    /// </summary>
    public static DeltaOrthogonalKernel Generate(KernelShape shape, double density, RngKey key, double gain = 1.0,
                                                 CentreDensityRule centreRule = CentreDensityRule.Plain)
    {
        Guard.Positive(shape.Out, "out");
        Guard.Positive(shape.In, "in");
        Guard.Positive(shape.Height, "kernel height");
        Guard.Positive(shape.Width, "kernel width");
        if (shape.Height % 2 == 0 || shape.Width % 2 == 0)
            throw new EoiArgumentException("kernel", $"kernel height and width must be odd (a delta kernel needs a centre tap); got {shape.Height} x {shape.Width}");
        Int128 count = (Int128)shape.Out * shape.In * shape.Height * shape.Width; // four ints can overflow a long
        if (count > int.MaxValue)
            throw new EoiArgumentException("kernel", $"kernel size out * in * height * width must be at most {int.MaxValue}; got {count}");
        Guard.InRangeExclusiveMin(density, 0.0, 1.0, nameof(density));
        Guard.PositiveFinite(gain, nameof(gain));
        if (!Enum.IsDefined(centreRule))
            throw new EoiArgumentException(nameof(centreRule), $"centreRule must be one of {string.Join(", ", Enum.GetNames<CentreDensityRule>())}; got {(int)centreRule}");

        double asked = CentreDensityFor(density, shape.Height, shape.Width, centreRule);
        double minimum = SparseOrthogonal.MinimumDensity(shape.Out, shape.In);
        double centreDensity = Math.Max(asked, minimum);
        var centre = SparseOrthogonal.Generate(shape.Out, shape.In, centreDensity, key.Split(0), gain);

        int taps = shape.Height * shape.Width, centreTap = CentreTap.Index(shape.Height, shape.Width);
        var values = new double[shape.Count];
        var mask = new double[shape.Count];
        var w = centre.Weights;
        for (int o = 0; o < shape.Out; o++)
            for (int k = w.Pattern.RowOffsets[o]; k < w.Pattern.RowOffsets[o + 1]; k++)
            {
                long flat = ((long)o * shape.In + w.Pattern.ColumnIndices[k]) * taps + centreTap;
                values[flat] = w.Values[k];
                mask[flat] = 1.0;
            }
        if (density == 1.0)
            Array.Fill(mask, 1.0);
        else
            Unfreeze(mask, centre.Plan.NonZeros, MaskTarget(density, shape.Count), new RandomStream(key.Split(1)));

        var dims = shape.ToShape();
        return new DeltaOrthogonalKernel(shape, density, centreDensity, asked < minimum, centre,
            new NdArray(dims, ElementType.Float64, values), new NdArray(dims, ElementType.Bool, mask));
    }

    /// <summary>Mask positions a layer of density d gets: round(d * numel), ties to even. The authors'
    /// loop stops at the first count >= d * numel evaluated in float, which can differ by one.</summary>
    public static long MaskTarget(double density, long count) =>
        (long)Math.Round(density * count, MidpointRounding.ToEven);

    static void Unfreeze(double[] mask, long centreCount, long target, RandomStream stream)
    {
        long needed = target - centreCount;
        if (needed <= 0) return;
        var free = new int[mask.Length - centreCount];
        int n = 0;
        for (int p = 0; p < mask.Length; p++)
            if (mask[p] == 0.0) free[n++] = p;
        for (int t = 0; t < needed; t++)
        {
            int pick = t + (int)stream.NextBelow((uint)(free.Length - t));
            (free[t], free[pick]) = (free[pick], free[t]);
            mask[free[t]] = 1.0;
        }
    }
}
