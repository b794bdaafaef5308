using Eoi.Core;
using Eoi.Random;

namespace Eoi.Orthogonal;

/// <summary>
/// EOI for matrices: exactly (row- or column-) orthogonal sparse rows x cols matrices made by composing
/// random Givens rotations on [I_r | 0] until the target density is reached (Nowak et al., ICML 2024).
/// Pure functions of (shape, density, key): no global random state. docs/SPEC.md is the normative text.
/// </summary>
public static class SparseOrthogonal
{
    /// <summary>Smallest density EOI can produce for a shape: that of [I_r | 0], 1 / max(rows, cols).</summary>
    public static double MinimumDensity(int rows, int cols) => 1.0 / Math.Max(rows, cols);

    /// <summary>Draws the rotations and the structural support; no values are computed.</summary>
    public static RotationPlan Plan(int rows, int cols, double density, RngKey key, StoppingRule rule = StoppingRule.Paper)
    {
        Guard.Positive(rows, nameof(rows));
        Guard.Positive(cols, nameof(cols));
        Guard.InRange(density, MinimumDensity(rows, cols), 1.0, nameof(density));
        if (!Enum.IsDefined(rule))
            throw new EoiArgumentException(nameof(rule), $"rule must be one of {string.Join(", ", Enum.GetNames<StoppingRule>())}; got {(int)rule}");
        if ((long)rows * cols > int.MaxValue)
            throw new EoiArgumentException(nameof(rows), $"rows * cols must be at most {int.MaxValue}; got {(long)rows * cols}");

        int r = Math.Min(rows, cols), c = Math.Max(rows, cols);
        var stream = new RandomStream(key);
        var tracker = new SupportTracker(r, c);
        var rotations = new List<GivensRotation>();
        if (rule == StoppingRule.Paper)
            RunPaperRule(stream, tracker, rotations, density, (double)r * c);
        else
            RunExactCountRule(stream, tracker, rotations, ExactTarget(density, r, c));
        return new RotationPlan(rows, cols, density, rule, key, rotations, tracker.ToPattern(rows, cols));
    }

    /// <summary>The non-zero count the <see cref="StoppingRule.ExactCount"/> rule aims at:
    /// round(d * r * c), ties to even, clamped to [r, r * c].</summary>
    public static long ExactTarget(double density, int shortSide, int longSide) =>
        Math.Clamp((long)Math.Round(density * shortSide * longSide, MidpointRounding.ToEven), shortSide, (long)shortSide * longSide);

    /// <summary>Plan then materialise: W = gain * A.</summary>
    public static EoiMatrix Generate(int rows, int cols, double density, RngKey key, double gain = 1.0,
                                     StoppingRule rule = StoppingRule.Paper)
    {
        Guard.PositiveFinite(gain, nameof(gain));
        return Materialize(Plan(rows, cols, density, key, rule), gain);
    }

    /// <summary>Replays a plan (docs/SPEC.md §2.4, in float64; §2.5, in float32), then scales by the gain in
    /// the same precision (one rounded multiply per entry, skipped when the gain is 1).</summary>
    public static EoiMatrix Materialize(RotationPlan plan, double gain = 1.0, Accumulation accumulation = Accumulation.Float64)
    {
        Guard.NotNull(plan, nameof(plan));
        Guard.PositiveFinite(gain, nameof(gain));
        if (!Enum.IsDefined(accumulation))
            throw new EoiArgumentException(nameof(accumulation), $"accumulation must be one of {string.Join(", ", Enum.GetNames<Accumulation>())}; got {(int)accumulation}");
        for (int t = 0; t < plan.Rotations.Count; t++)
            if (plan.Rotations[t].Problem() is string problem)
                throw new EoiArgumentException(nameof(plan), $"plan rotation {t} is not a rotation: {problem}");
        if (accumulation == Accumulation.Float32 && !float.IsFinite((float)gain))
            throw new EoiArgumentException(nameof(gain), $"gain must be a finite float32 (at most {float.MaxValue:R}) for a float32 replay; got {gain:R}");
        var weights = accumulation == Accumulation.Float64 ? RotationReplay<double>.Run(plan) : RotationReplay<float>.Run(plan);
        if (gain != 1.0)
        {
            var scaled = weights.Values.ToArray();
            for (int k = 0; k < scaled.Length; k++)
                scaled[k] = accumulation == Accumulation.Float64 ? scaled[k] * gain : (float)scaled[k] * (float)gain;
            weights = new CsrMatrix(weights.Pattern, scaled);
        }
        return new EoiMatrix(plan, gain, weights);
    }

    // Stop at the first iterate with density >= d; keep the previous one if it is strictly closer.
    static void RunPaperRule(RandomStream stream, SupportTracker tracker, List<GivensRotation> rotations,
                             double density, double total)
    {
        long previous = tracker.NonZeros;
        while (tracker.NonZeros / total < density)
        {
            previous = tracker.NonZeros;
            var g = RotationSampler.Draw(stream, tracker.LongSide);
            tracker.Apply(g.I, g.J);
            rotations.Add(g);
        }
        if (rotations.Count > 0 && Math.Abs(density - previous / total) < Math.Abs(density - tracker.NonZeros / total))
        {
            tracker.UndoLast();
            rotations.RemoveAt(rotations.Count - 1);
        }
    }

    // Departure from the paper: a rotation that would overshoot the target count is skipped (its draws are
    // still consumed). The last positions are rarely reachable by chance (two supports must differ in
    // exactly the missing rows), so the first time a draw would overshoot at a given count, a deterministic
    // search looks for a pair that adds exactly the deficit and, if there is one, rotates it with a drawn
    // angle. After StallLimit(c) draws in a row without progress, the search takes the largest increment
    // below the deficit instead. Ends at the target, or below it when no pair can add 1 .. deficit.
    static void RunExactCountRule(RandomStream stream, SupportTracker tracker, List<GivensRotation> rotations, long target)
    {
        long stalled = 0, stallLimit = StallLimit(tracker.LongSide), searchedAt = -1;
        while (tracker.NonZeros < target)
        {
            long deficit = target - tracker.NonZeros;
            GivensRotation g;
            if (stalled < stallLimit)
            {
                g = RotationSampler.Draw(stream, tracker.LongSide);
                int added = tracker.IncrementOf(g.I, g.J);
                if (added > deficit)
                {
                    stalled++;
                    if (searchedAt == tracker.NonZeros) continue;
                    searchedAt = tracker.NonZeros;
                    if (tracker.BestPairWithin(deficit) is not (int i, int j, int increment) || increment != deficit) continue;
                    g = RotationSampler.WithDrawnAngle(stream, i, j);
                }
                stalled = added > 0 ? 0 : stalled + 1;
            }
            else
            {
                if (tracker.BestPairWithin(deficit) is not (int i, int j, _)) return;
                g = RotationSampler.WithDrawnAngle(stream, i, j);
            }
            tracker.Apply(g.I, g.J);
            rotations.Add(g);
        }
    }

    /// <summary>Draws in a row without progress after which <see cref="StoppingRule.ExactCount"/> switches to
    /// its deterministic pair search: 8c.</summary>
    public static long StallLimit(int longSide) => 8L * longSide;
}
