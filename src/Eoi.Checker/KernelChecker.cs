using Eoi.Core;
using Eoi.Orthogonal;

namespace Eoi.Checker;

/// <summary>
/// Checks of a (out, in, kh, kw) kernel. The delta-orthogonality condition is the one that makes a
/// convolution with circular padding an isometry: for every spatial shift s,
/// sum over taps t of K_t K_{t+s}^T = [s = 0] gain^2 I (on the right side, as for matrices), where K_t is
/// the out x in matrix at tap t. A delta-orthogonal kernel meets it with an orthogonal centre and zero
/// elsewhere; any other non-zero tap that breaks it is caught here.
/// </summary>
static class KernelChecker
{
    public static CheckReport Check(NdArray w, CheckOptions o)
    {
        var shape = new KernelShape(w.Shape[0], w.Shape[1], w.Shape[2], w.Shape[3]);
        if (shape.Count == 0)
            throw new EoiArgumentException("array", $"kernel dimensions must be >= 1; got {w.ShapeText}");
        if (shape.Height % 2 == 0 || shape.Width % 2 == 0)
            throw new EoiArgumentException("kernel", $"kernel height and width must be odd for a delta-orthogonal kernel; got {shape.Height} x {shape.Width}");

        var items = new List<CheckItem> { Checks.Finite(w) };
        var taps = Taps(w, shape);
        int centre = CentreTap.Index(shape.Height, shape.Width);
        var centreTap = taps[centre];
        double centreDensity = centreTap.Pattern.Density;
        int shortSide = Math.Min(shape.Out, shape.In), longSide = Math.Max(shape.Out, shape.In);
        double? centreTarget = o.TargetDensity is double d
            ? Math.Max(DeltaOrthogonal.CentreDensityFor(d, shape.Height, shape.Width, o.CentreRule), SparseOrthogonal.MinimumDensity(shape.Out, shape.In))
            : null;
        var limit = Tolerances.For(PrecisionModels.Resolve(w.ElementType, o.ComputedIn), shortSide, longSide, centreTarget ?? centreDensity, o.Rotations, o.MaxColumnHits, o.Gain);
        string side = shape.Out <= shape.In ? "K K^T" : "K^T K";

        items.Add(Checks.Model(limit, o.ComputedIn is not null));
        items.Add(Checks.Orthogonality("centre tap orthogonality", GramErrors.Orthogonality(centreTap, o.Gain), limit, $"{side} - g^2 I at tap {centre}"));
        items.Add(Checks.Orthogonality("delta condition (all shifts)", DeltaConditionError(taps, shape, o.Gain), limit,
            "sum_t K_t K_(t+s)^T = [s = 0] g^2 I for every shift s"));
        long offCentre = taps.Where((t, i) => i != centre).Sum(t => t.Pattern.NonZeros);
        items.Add(new CheckItem("non-zeros off the centre tap", offCentre.ToString(System.Globalization.CultureInfo.InvariantCulture), "-", Verdict.Info,
            "0 for a delta-orthogonal kernel at initialisation"));
        items.Add(Checks.Density($"centre density ({o.CentreRule})", centreDensity, centreTarget, Tolerances.DensityTolerance(shape.Out, shape.In)));
        if (o.Mask is not null)
        {
            items.AddRange(Checks.Pattern(w, o.Mask, maskMustEqualSupport: false));
            items.Add(MaskCount(o.Mask, shape, o.TargetDensity, w.CountNonZero()));
        }
        if (o.Reference is not null)
            items.Add(Checks.Reference(w, o.Reference));
        return new CheckReport($"conv kernel {shape} ({w.ElementType})", items);
    }

    // The mask holds max(centre non-zeros, round(d * numel)) positions; the authors' float loop may stop one later.
    static CheckItem MaskCount(NdArray mask, KernelShape shape, double? target, long valueNonZeros)
    {
        long count = mask.CountNonZero();
        if (target is not double d)
            return new CheckItem("mask density", Checks.Pct(count / (double)shape.Count), "-", Verdict.Info, "no target density given");
        long expected = Math.Max(valueNonZeros, DeltaOrthogonal.MaskTarget(d, shape.Count));
        return new CheckItem("mask size", $"{count}", $"{expected} (+1)", count == expected || count == expected + 1 ? Verdict.Pass : Verdict.Fail,
            $"max(centre non-zeros, round({Checks.G(d)} * {shape.Count}))");
    }

    /// <summary>The kernel as one sparse matrix per tap, on the wide side (out x in, or in x out when out > in).</summary>
    static CsrMatrix[] Taps(NdArray w, KernelShape s)
    {
        int taps = s.Height * s.Width;
        var result = new CsrMatrix[taps];
        var tap = new double[(long)s.Out * s.In];
        for (int t = 0; t < taps; t++)
        {
            for (int o = 0; o < s.Out; o++)
                for (int i = 0; i < s.In; i++)
                    tap[o * s.In + i] = w.Data[(o * s.In + i) * taps + t];
            var m = GramErrors.ToCsr(tap, s.Out, s.In);
            result[t] = s.Out <= s.In ? m : m.Transpose();
        }
        return result;
    }

    static GramError DeltaConditionError(CsrMatrix[] taps, KernelShape s, double gain)
    {
        var total = new GramError(0, 0);
        for (int dy = -(s.Height - 1); dy <= s.Height - 1; dy++)
            for (int dx = -(s.Width - 1); dx <= s.Width - 1; dx++)
                total = GramError.Combine(total, ShiftError(taps, s, dy, dx, gain));
        return total;
    }

    // sum over taps t with t + s inside the kernel of K_t K_(t+s)^T, minus [s = 0] g^2 I.
    static GramError ShiftError(CsrMatrix[] taps, KernelShape s, int dy, int dx, double gain)
    {
        var pairs = new List<(CsrMatrix A, CsrMatrix B)>();
        for (int y = 0; y < s.Height; y++)
            for (int x = 0; x < s.Width; x++)
            {
                int y2 = y + dy, x2 = x + dx;
                if (y2 < 0 || y2 >= s.Height || x2 < 0 || x2 >= s.Width) continue;
                var a = taps[y * s.Width + x];
                var b = taps[y2 * s.Width + x2];
                if (a.Pattern.NonZeros > 0 && b.Pattern.NonZeros > 0) pairs.Add((a, b));
            }
        double target = dy == 0 && dx == 0 ? gain * gain : 0.0;
        return GramErrors.OfSum(taps[0].Rows, pairs, target);
    }
}
