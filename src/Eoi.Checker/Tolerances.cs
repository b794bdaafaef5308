namespace Eoi.Checker;

/// <summary>
/// The bounds a verdict is judged against, with their derivation.
///
/// float64: one rotation rewrites two columns with two products and one sum per entry, each rounded, so it
/// adds a relative error of at most about 2 eps64 to those entries while keeping their norms. Over k
/// rotations the rounding errors behave like a random walk, so the Gram error max |W W^T - I| grows like
/// sqrt(k) eps64 (the digest measured at most 20 eps64 at k = 11,000, where sqrt(k) = 105). We allow
/// <see cref="Float64Factor"/> * sqrt(k + 1) * eps64: generous for honest matrices (about 50x the
/// measured error at large k), yet ~10^7 times below a 1e-6 corruption of one entry.
///
/// float32: every entry is the float64 result rounded once, |delta| &lt;= eps32/2 |w|. Then
/// |(W + D)(W + D)^T - W W^T|_ab &lt;= sum_t |w_at d_bt| + |d_at w_bt| + ... &lt;= eps32 |w_a| |w_b| (Cauchy-Schwarz,
/// rows of norm 1), plus the float64 error. So the float32 bound is <see cref="Float32Factor"/> * eps32
/// (the factor covers the second-order term and a Gram summed in float64) plus the float64 bound.
///
/// Both scale with gain^2, since the Gram of gain * A is gain^2 (A A^T).
/// </summary>
public static class Tolerances
{
    /// <summary>Machine epsilon of float64, 2^-52.</summary>
    public const double Epsilon64 = 2.220446049250313e-16;
    /// <summary>Machine epsilon of float32, 2^-23.</summary>
    public const double Epsilon32 = 1.1920928955078125e-07;
    /// <summary>The float64 bound's multiple of sqrt(k + 1) eps64 (see the derivation above).</summary>
    public const double Float64Factor = 8.0;
    /// <summary>The float32 term's multiple of eps32 (see the derivation above).</summary>
    public const double Float32Factor = 1.5;

    /// <summary>The largest orthogonality error max |W Wᵀ − g² I| accepted after <paramref name="rotations"/>
    /// rotations, for float32 or float64 values and gain g.</summary>
    public static double OrthogonalityBound(long rotations, bool float32, double gain)
    {
        double bound = Float64Factor * Math.Sqrt(rotations + 1.0) * Epsilon64;
        if (float32) bound += Float32Factor * Epsilon32;
        return bound * gain * gain;
    }

    /// <summary>
    /// Rotations an EOI matrix of this shape and density needs, when the file does not say: the mean-field
    /// count (c / 2) ln((c - 1) d / (1 - d)) of paper.md §1.3, doubled for safety; for d near 1 the density
    /// is capped at 1 - 1 / (2 r c), the last step before dense.
    /// </summary>
    public static long EstimatedRotations(int shortSide, int longSide, double density)
    {
        if (longSide < 2) return 0;
        double cap = 1.0 - 1.0 / (2.0 * shortSide * longSide);
        double d = Math.Min(density, cap);
        double k = longSide / 2.0 * Math.Log((longSide - 1) * d / (1 - d));
        return (long)Math.Ceiling(2 * Math.Max(k, 1.0));
    }

    /// <summary>
    /// The paper's stopping rule keeps whichever of the last two iterates is closer to the target; one
    /// rotation adds at most 2r of the r * c entries, so the achieved density is within half of 2 / c,
    /// i.e. 1 / max(rows, cols), of the target.
    /// </summary>
    public static double DensityTolerance(int rows, int cols) => 1.0 / Math.Max(rows, cols);
}
