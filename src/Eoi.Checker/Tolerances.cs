using System.Globalization;
using Eoi.Orthogonal;

namespace Eoi.Checker;

/// <summary>How the values of a file were computed; each has its own orthogonality bound.</summary>
public enum PrecisionModel
{
    /// <summary>Every rotation in float64, stored as float64 (this project's float64 output).</summary>
    Float64,
    /// <summary>Every rotation in float64, the result rounded once to float32 (this project's float32 output).</summary>
    RoundedOnce,
    /// <summary>Every rotation applied in float32, one by one (the authors' PyTorch code; <c>eoi replay --accumulate float32</c>).</summary>
    Float32,
}

/// <summary>The orthogonality bound a verdict used, the model it belongs to and what it was computed from.</summary>
public sealed record OrthogonalityLimit(PrecisionModel Model, double Bound, string Basis);

/// <summary>
/// The bounds a verdict is judged against, with their derivation (docs/SPEC.md §5 has the same text).
/// u = eps/2 is the unit roundoff; all bounds scale with gain^2, since the Gram of gain * A is gain^2 (A A^T).
///
/// One rotation, in floating point. The wide r x c matrix A (rows orthonormal) is rotated in columns i, j:
/// per row x, (a, b) = (A[x,i], A[x,j]) becomes (c a + s b, c b - s a). Computed with c~, s~ the rounded
/// cosine and sine (|c~ - c| &lt;= k_cs u |c|, the same for s) and each product and the sum rounded:
///   |fl(c~ a + s~ b) - (c a + s b)| &lt;= k_cs u (|c a| + |s b|) + 2 u (|c~ a| + |s~ b|) (1 + u)
///                                  &lt;= (k_cs + 2) u n (1 + O(u)),     n = sqrt(a^2 + b^2),
/// by Cauchy-Schwarz with c^2 + s^2 = 1. So each computed rotation is the exact rotation plus, in every row,
/// a perturbation e of norm &lt;= sqrt(2) (k_cs + 2) u n supported on columns i and j.
///
/// Errors add in norm. Write the computed result as Q + D with Q the exact product. Rotations are orthogonal,
/// so the perturbation e_k made at step k enters row x of D unchanged in norm, and
///   (A A^T - I)_xy = q_x . D_y + D_x . q_y + D_x . D_y,   q_x . D_y = sum_k Q_k[x, {i_k, j_k}] . e_k(y),
/// where Q_k is the exact iterate after step k. With m_k(x) = |Q_k[x, {i_k, j_k}]| (the part of row x's unit
/// mass sitting in the two rotated columns) and Cauchy-Schwarz over k:
///   |(A A^T - I)_xy| &lt;= 2 sqrt(2) (k_cs + 2) u sqrt(L_x L_y) + second order,   L_x = sum_k m_k(x)^2.
/// L_x, the load of row x, is the number of rotations that reach the row, each weighted by the share of the
/// row it moves. The pair (i_k, j_k) is drawn uniformly and independently of A, so every column is in it with
/// probability 2/c and E[L_x] = 2k/c exactly: the mean number of times a column is hit. Sparse rotations hit
/// each column only a few times (2k/c is 3 to 11 for EOI at densities 0.1 to 0.9), which is why this bound is
/// far tighter than one in the total count k.
///
/// float32 throughout (<see cref="PrecisionModel.Float32"/>): k_cs = 2 (cos and sin of a float32 or float64
/// angle within 1 ulp, rounded to float32), so the bound per unit load is 8 sqrt(2) u = 4 sqrt(2) eps32
/// (<see cref="Float32RotationFactor"/>), plus <see cref="Float32Factor"/> eps32 for a final gain multiply in
/// float32. The load is the largest per-column rotation count when the rotations are known (a row's load is a
/// mass-weighted average of the hit counts of the columns its mass passes through), else
/// <see cref="LoadSafety"/> times the mean 2k/c. The bound already assumes every rounding error points the
/// same way; measured errors of float32 replays and of the authors' float32 code are 10 to 40 times below it,
/// while a 1e-4 change of one large entry moves the Gram by ~1e-4, 10 times above it at 4096 x 4096, d = 0.9.
///
/// float64 throughout (<see cref="PrecisionModel.Float64"/>): the same analysis with k_cs = 0 (the plan's cos
/// and sin are used as given) gives 2 sqrt(2) eps64 L. The bound kept is today's
/// <see cref="Float64Factor"/> sqrt(k + 1) eps64, which exceeds that for every EOI plan (L ~ 2k/c is far below
/// 2.8 sqrt(k)) and was validated by measurement (at most 20 eps64 at k = 11,000, where it allows 840 eps64).
///
/// float64 rounded once to float32 (<see cref="PrecisionModel.RoundedOnce"/>): every entry w(1 + delta),
/// |delta| &lt;= u, so |(W + D)(W + D)^T - W W^T|_ab &lt;= 2 u |w_a| |w_b| (1 + u) = eps32 (1 + u) for unit rows;
/// <see cref="Float32Factor"/> eps32 covers that and a Gram summed in float64, added to the float64 bound.
/// </summary>
public static class Tolerances
{
    /// <summary>Machine epsilon of float64, 2^-52.</summary>
    public const double Epsilon64 = 2.220446049250313e-16;
    /// <summary>Machine epsilon of float32, 2^-23.</summary>
    public const double Epsilon32 = 1.1920928955078125e-07;
    /// <summary>float64: eps64 units per sqrt(k + 1), see the class comment.</summary>
    public const double Float64Factor = 8.0;
    /// <summary>One rounding of every entry to float32: eps32 units (exact value 1 + u, a Gram summed in float64 adds ~k eps64).</summary>
    public const double Float32Factor = 1.5;
    /// <summary>float32 throughout: eps32 units per unit of row load, 2 sqrt(2) (k_cs + 2) u with k_cs = 2, i.e. 4 sqrt(2) eps32.</summary>
    public static readonly double Float32RotationFactor = 4 * Math.Sqrt(2);
    /// <summary>
    /// The largest row load over the mean load 2k/c, when only the count (or shape and density) is known.
    /// Measured on float32 replays of 64^2 to 1024^2 and 96 x 200 to 512 x 2048 at densities 0.1 to 0.9: the
    /// largest row load was 1.5 to 2.2 times the mean; 3 covers that with room.
    /// </summary>
    public const double LoadSafety = 3.0;

    /// <summary>
    /// The gains a bound can be computed for. Bounds and Gram entries scale with gain^2; for gain in
    /// [1e-140, 1e140], gain^2 lies in [1e-280, 1e280], so eps64 gain^2 (>= 2e-296) is a normal number and a
    /// Gram entry summed over up to 2^31 terms (each at most gain^2 by Cauchy-Schwarz) stays below 1e290.
    /// Outside it a bound would be 0 or infinite and judge nothing.
    /// </summary>
    public const double MinGain = 1e-140, MaxGain = 1e140;

    /// <summary>The range text of <see cref="MinGain"/> .. <see cref="MaxGain"/>, for error messages.</summary>
    public const string GainRange = "a number in [1e-140, 1e140] (the range whose orthogonality bound g^2 eps is a finite, non-zero number)";

    /// <summary>Whether a bound can be computed for <paramref name="gain"/> (see <see cref="MinGain"/>).</summary>
    public static bool IsJudgeableGain(double gain) => gain >= MinGain && gain <= MaxGain;

    /// <summary>Throws an error naming <paramref name="name"/> when <paramref name="gain"/> is not judgeable.</summary>
    public static void RequireJudgeableGain(double gain, string name)
    {
        if (!IsJudgeableGain(gain))
            throw new Eoi.Core.EoiArgumentException(name, $"{name} must be {GainRange}; got {gain.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>float64 throughout: 8 sqrt(k + 1) eps64 g^2 for k rotations (see the class comment).</summary>
    public static double Float64Bound(long rotations, double gain) =>
        Float64Factor * Math.Sqrt(rotations + 1.0) * Epsilon64 * gain * gain;

    /// <summary>float64 rounded once to float32: the float64 bound plus 1.5 eps32 g^2.</summary>
    public static double RoundedOnceBound(long rotations, double gain) =>
        Float64Bound(rotations, gain) + Float32Factor * Epsilon32 * gain * gain;

    /// <summary>float32 throughout, for a row load <paramref name="load"/> (see the class comment).</summary>
    public static double Float32Bound(double load, double gain) =>
        (Float32RotationFactor * load + Float32Factor) * Epsilon32 * gain * gain;

    /// <summary>The largest number of rotations that hit one column of the wide orientation.</summary>
    public static int MaxColumnHits(IReadOnlyList<GivensRotation> rotations, int longSide)
    {
        var hits = new int[longSide];
        foreach (var g in rotations)
        {
            hits[g.I]++;
            hits[g.J]++;
        }
        return longSide == 0 ? 0 : hits.Max();
    }

    /// <summary>Row load assumed when only the rotation count is known: <see cref="LoadSafety"/> * 2k / c.</summary>
    public static double LoadFromCount(long rotations, int longSide) => LoadSafety * 2.0 * rotations / longSide;

    /// <summary>
    /// The bound of <paramref name="model"/> for a matrix whose orthonormal side is short x long, with what it
    /// was computed from: the rotations (count and, when known, the largest per-column count), else an estimate
    /// from the shape and <paramref name="density"/>.
    /// </summary>
    public static OrthogonalityLimit For(PrecisionModel model, int shortSide, int longSide, double density,
                                         long? rotations, int? maxColumnHits, double gain)
    {
        string counted = rotations is long k ? $"{k} rotations" : $"~{MeanRotations(shortSide, longSide, density)} rotations (estimated from shape and density)";
        switch (model)
        {
            case PrecisionModel.Float32:
                double load;
                string basis;
                if (maxColumnHits is int hits)
                {
                    load = hits;
                    basis = $"largest per-column rotation count {hits} of the plan";
                }
                else
                {
                    long count = rotations ?? MeanRotations(shortSide, longSide, density);
                    load = LoadFromCount(count, longSide);
                    basis = $"row load {G(load)} = {G(LoadSafety)} x 2k/c for {counted}, c = {longSide}";
                }
                return new(model, Float32Bound(load, gain), $"float32 throughout: ({G(Float32RotationFactor)} L + {G(Float32Factor)}) eps32 g^2, {basis}");
            case PrecisionModel.RoundedOnce:
                long once = rotations ?? EstimatedRotations(shortSide, longSide, density);
                return new(model, RoundedOnceBound(once, gain),
                    $"float64 rounded once to float32: {G(Float64Factor)} sqrt(k+1) eps64 g^2 + {G(Float32Factor)} eps32 g^2, {CountText(rotations, once)}");
            default:
                long all = rotations ?? EstimatedRotations(shortSide, longSide, density);
                return new(model, Float64Bound(all, gain), $"float64 throughout: {G(Float64Factor)} sqrt(k+1) eps64 g^2, {CountText(rotations, all)}");
        }
    }

    static string CountText(long? given, long used) => given is null ? $"k ~ {used} (estimated: twice the mean from shape and density)" : $"k = {used}";

    static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>
    /// The mean-field rotation count of an EOI matrix of this shape and density (paper.md §1.3): the support of
    /// a row grows by the row-support chain, giving k = (c / 2) ln((c - 1) d / (1 - d)) with c the long side;
    /// for d near 1 the density is capped at 1 - 1 / (2 r c), the last step before dense; at least 1.
    /// </summary>
    public static long MeanRotations(int shortSide, int longSide, double density)
    {
        if (longSide < 2) return 0;
        double cap = 1.0 - 1.0 / (2.0 * shortSide * longSide);
        double d = Math.Min(density, cap);
        double k = longSide / 2.0 * Math.Log((longSide - 1) * d / (1 - d));
        return (long)Math.Ceiling(Math.Max(k, 1.0));
    }

    /// <summary>Rotations assumed by the float64 bounds when the file does not say: twice the mean-field count.</summary>
    public static long EstimatedRotations(int shortSide, int longSide, double density) =>
        longSide < 2 ? 0 : 2 * MeanRotations(shortSide, longSide, density);

    /// <summary>
    /// The paper's stopping rule keeps whichever of the last two iterates is closer to the target; one
    /// rotation adds at most 2r of the r * c entries, so the achieved density is within half of 2 / c,
    /// i.e. 1 / max(rows, cols), of the target.
    /// </summary>
    public static double DensityTolerance(int rows, int cols) => 1.0 / Math.Max(rows, cols);
}
