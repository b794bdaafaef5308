using Eoi.Core;
using Eoi.Orthogonal;

namespace Eoi.Checker;

/// <summary>
/// Judges anyone's EOI matrix (rank 2, rows x cols, PyTorch (out, in) layout) or delta-orthogonal
/// kernel (rank 4, (out, in, kh, kw)) against the bounds of <see cref="Tolerances"/>.
/// </summary>
public static class MatrixChecker
{
    /// <summary>Every verdict on <paramref name="w"/>: orthogonality error against its bound, density, the mask,
    /// and a comparison with the reference, each as the options allow. Bad options throw, naming the option.</summary>
    public static CheckReport Check(NdArray w, CheckOptions options)
    {
        Guard.NotNull(w, nameof(w));
        Guard.NotNull(options, nameof(options));
        Tolerances.RequireJudgeableGain(options.Gain, "gain");
        if (options.TargetDensity is double d)
            Guard.InRangeExclusiveMin(d, 0.0, 1.0, "density");
        if (options.Rotations is long k && k < 0)
            throw new EoiArgumentException("rotations", $"rotations must be >= 0; got {k}");
        return w.Rank switch
        {
            2 => CheckMatrix(w, options),
            4 => KernelChecker.Check(w, options),
            _ => throw new EoiArgumentException("array", $"array rank must be 2 (matrix) or 4 (conv kernel); got rank {w.Rank} ({w.ShapeText})"),
        };
    }

    static CheckReport CheckMatrix(NdArray w, CheckOptions o)
    {
        int rows = w.Shape[0], cols = w.Shape[1];
        if (rows == 0 || cols == 0)
            throw new EoiArgumentException("array", $"matrix dimensions must be >= 1; got {w.ShapeText}");
        var items = new List<CheckItem> { Checks.Finite(w) };
        var csr = GramErrors.ToCsr(w.Data, rows, cols);
        double density = csr.Pattern.Density;
        var limit = Tolerances.For(PrecisionModels.Resolve(w.ElementType, o.ComputedIn), Math.Min(rows, cols), Math.Max(rows, cols), o.TargetDensity ?? density,
                                   o.Rotations, o.MaxColumnHits, o.Gain);
        string side = rows <= cols ? "W W^T - g^2 I (row-orthogonal)" : "W^T W - g^2 I (column-orthogonal)";
        items.Add(Checks.Model(limit, o.ComputedIn is not null));
        items.Add(Checks.Orthogonality("orthogonality", GramErrors.Orthogonality(csr, o.Gain), limit, $"{side}; {PrecisionModels.Word(limit.Model)} model"));
        items.Add(Checks.Density("density", density, o.TargetDensity, Tolerances.DensityTolerance(rows, cols)));
        if (o.TargetDensity is double target && target < SparseOrthogonal.MinimumDensity(rows, cols))
            items.Add(new CheckItem("target reachable", Checks.Pct(target), $">= {Checks.Pct(SparseOrthogonal.MinimumDensity(rows, cols))}",
                Verdict.Fail, "below 1 / max(rows, cols), the density of [I | 0]"));
        if (o.Mask is not null)
            items.AddRange(Checks.Pattern(w, o.Mask, maskMustEqualSupport: true));
        if (o.Reference is not null)
            items.Add(Checks.Reference(w, o.Reference));
        return new CheckReport($"matrix {rows} x {cols} ({w.ElementType})", items);
    }
}
