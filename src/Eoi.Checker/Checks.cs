using System.Globalization;
using Eoi.Core;

namespace Eoi.Checker;

/// <summary>Checks shared by matrices and kernels; each returns one report line.</summary>
static class Checks
{
    public static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
    public static string Pct(double v) => v.ToString("P3", CultureInfo.InvariantCulture);

    public static CheckItem Finite(NdArray w)
    {
        long bad = 0;
        int first = -1;
        for (int p = 0; p < w.Data.Length; p++)
            if (!double.IsFinite(w.Data[p]) && bad++ == 0)
                first = p;
        return new CheckItem("finite entries", bad == 0 ? "all" : $"{bad} NaN/Inf", "all finite",
            bad == 0 ? Verdict.Pass : Verdict.Fail, bad == 0 ? "" : $"first at flat index {first}");
    }

    public static CheckItem Orthogonality(string name, GramError e, OrthogonalityLimit limit, string how) =>
        new(name, $"max {G(e.Max)}, frobenius {G(e.Frobenius)}", $"max <= {G(limit.Bound)}",
            e.Max <= limit.Bound ? Verdict.Pass : Verdict.Fail, how);

    /// <summary>An info row naming the model, the bound and where the model came from.</summary>
    public static CheckItem Model(OrthogonalityLimit limit, bool stated) =>
        new("precision model", PrecisionModels.Word(limit.Model), $"max <= {G(limit.Bound)}", Verdict.Info,
            (stated ? "as stated; " : "implied by the dtype (state it with computed-in); ") + limit.Basis);

    public static CheckItem Density(string name, double achieved, double? target, double tolerance) =>
        target is double d
            ? new CheckItem(name, Pct(achieved), $"{Pct(d)} +/- {Pct(tolerance)}",
                Math.Abs(achieved - d) <= tolerance ? Verdict.Pass : Verdict.Fail)
            : new CheckItem(name, Pct(achieved), "-", Verdict.Info, "no target density given");

    /// <summary>Values must lie inside the mask; for a linear layer the mask must equal the support.</summary>
    public static IEnumerable<CheckItem> Pattern(NdArray w, NdArray mask, bool maskMustEqualSupport)
    {
        if (w.Shape != mask.Shape)
            throw new EoiArgumentException("mask", $"mask shape must equal the values' shape {w.ShapeText}; got {mask.ShapeText}");
        long outside = 0, maskedZeros = 0;
        for (int p = 0; p < w.Count; p++)
        {
            bool inMask = mask.Data[p] != 0;
            if (!inMask && w.Data[p] != 0) outside++;
            if (inMask && w.Data[p] == 0) maskedZeros++;
        }
        yield return new CheckItem("values outside the mask", outside.ToString(CultureInfo.InvariantCulture), "0",
            outside == 0 ? Verdict.Pass : Verdict.Fail);
        yield return new CheckItem("mask positions holding 0", maskedZeros.ToString(CultureInfo.InvariantCulture),
            maskMustEqualSupport ? "0" : "-",
            !maskMustEqualSupport ? Verdict.Info : maskedZeros == 0 ? Verdict.Pass : Verdict.Fail,
            maskMustEqualSupport ? "an EOI matrix's mask is its support" : "unfrozen zeros of a kernel");
    }

    public static CheckItem Reference(NdArray w, NdArray reference)
    {
        if (w.Shape != reference.Shape)
            throw new EoiArgumentException("reference", $"reference shape must equal the values' shape {w.ShapeText}; got {reference.ShapeText}");
        long differing = 0;
        double maxDiff = 0;
        for (int p = 0; p < w.Count; p++)
        {
            double expected = w.ElementType == ElementType.Float32 ? (float)reference.Data[p] : reference.Data[p];
            if (w.Data[p] != expected && !(double.IsNaN(w.Data[p]) && double.IsNaN(expected)))
            {
                differing++;
                maxDiff = Math.Max(maxDiff, double.IsNaN(w.Data[p] - expected) ? double.PositiveInfinity : Math.Abs(w.Data[p] - expected));
            }
        }
        return new CheckItem("entries differing from reference", differing.ToString(CultureInfo.InvariantCulture), "0 (bit-exact)",
            differing == 0 ? Verdict.Pass : Verdict.Fail, differing == 0 ? "" : $"max |difference| {G(maxDiff)}");
    }
}
