using Eoi.Core;
using Eoi.Random;

namespace Eoi.Orthogonal;

/// <summary>
/// One Givens rotation of columns I &lt; J of the wide matrix, by angle Theta. Cos and Sin are stored
/// as computed (Math.Cos/Math.Sin of Theta) so that a replay in any language uses the same bits even
/// where its libm differs.
/// </summary>
public readonly record struct GivensRotation(int I, int J, double Theta, double Cos, double Sin);

/// <summary>How the rotation loop decides when to stop.</summary>
public enum StoppingRule
{
    /// <summary>The authors' rule: stop at the first iterate with density >= target, then keep the
    /// previous iterate if it is strictly closer to the target.</summary>
    Paper,
    /// <summary>Departure from the paper: aim at exactly round(d * rows * cols) non-zeros by skipping
    /// rotations that would overshoot (docs/SPEC.md).</summary>
    ExactCount,
}

/// <summary>
/// The replayable recipe of one EOI matrix: the shape, the ordered rotations applied to [I_r | 0] (r =
/// min(rows, cols), acting on the columns of the wide r x c orientation, c = max(rows, cols)), and the
/// structural support they produce. Materialising it (<see cref="SparseOrthogonal.Materialize"/>) gives the
/// matrix; the result is transposed back when rows > cols.
/// </summary>
public sealed class RotationPlan
{
    /// <summary>Rows of the matrix the plan makes.</summary>
    public int Rows { get; }
    /// <summary>Columns of the matrix the plan makes.</summary>
    public int Cols { get; }
    /// <summary>The density d the rotations were drawn for, in (0, 1].</summary>
    public double TargetDensity { get; }
    /// <summary>How drawing decided to stop at <see cref="TargetDensity"/>.</summary>
    public StoppingRule Rule { get; }
    /// <summary>The key the rotations were drawn from, when known (provenance only; replay ignores it).</summary>
    public RngKey? Key { get; }
    /// <summary>The rotations in the order they are applied.</summary>
    public IReadOnlyList<GivensRotation> Rotations { get; }
    /// <summary>Structural support of the result in the rows x cols orientation (row-major CSR pattern).</summary>
    public SparsityPattern Support { get; }

    /// <summary>A plan from a list of rotations (e.g. read from a file); the support is recomputed from them.</summary>
    public RotationPlan(int rows, int cols, double targetDensity, StoppingRule rule, RngKey? key,
                        IReadOnlyList<GivensRotation> rotations)
        : this(rows, cols, targetDensity, rule, key, rotations, null) { }

    internal RotationPlan(int rows, int cols, double targetDensity, StoppingRule rule, RngKey? key,
                          IReadOnlyList<GivensRotation> rotations, SparsityPattern? support)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(cols, nameof(cols));
        Guard.NotNull(rotations, nameof(rotations));
        Guard.InRangeExclusiveMin(targetDensity, 0.0, 1.0, nameof(targetDensity));
        if (!Enum.IsDefined(rule))
            throw new EoiArgumentException(nameof(rule), $"rule must be one of {string.Join(", ", Enum.GetNames<StoppingRule>())}; got {(int)rule}");
        int c = Math.Max(rows, cols);
        for (int t = 0; t < rotations.Count; t++)
        {
            var g = rotations[t];
            if (g.I < 0 || g.J >= c || g.I >= g.J)
                throw new EoiArgumentException(nameof(rotations),
                    $"rotations[{t}] must have 0 <= i < j < {c}; got i = {g.I}, j = {g.J}");
            if (!double.IsFinite(g.Cos) || !double.IsFinite(g.Sin) || !double.IsFinite(g.Theta))
                throw new EoiArgumentException(nameof(rotations), $"rotations[{t}] must have finite theta, cos and sin");
        }
        Rows = rows;
        Cols = cols;
        TargetDensity = targetDensity;
        Rule = rule;
        Key = key;
        Rotations = rotations;
        Support = support ?? SupportTracker.Replay(rows, cols, rotations);
    }

    /// <summary>r = min(rows, cols): the side that comes out orthonormal.</summary>
    public int ShortSide => Math.Min(Rows, Cols);
    /// <summary>c = max(rows, cols): the number of columns of the wide orientation the rotations act on.</summary>
    public int LongSide => Math.Max(Rows, Cols);
    /// <summary>True when rows > cols: the wide result is transposed, giving a column-orthogonal matrix.</summary>
    public bool Transposed => Rows > Cols;
    /// <summary>Positions in the structural support.</summary>
    public long NonZeros => Support.NonZeros;
    /// <summary>The density reached: <see cref="NonZeros"/> / (rows x cols).</summary>
    public double Density => (double)NonZeros / ((double)Rows * Cols);
}
