namespace Eoi.Checker;

/// <summary>The outcome of one line of a check.</summary>
public enum Verdict
{
    /// <summary>Within its limit.</summary>
    Pass,
    /// <summary>Outside its limit: the whole report fails.</summary>
    Fail,
    /// <summary>Reported for information, judged against nothing.</summary>
    Info,
}

/// <summary>One line of a check: what was measured, against which limit, and the verdict.</summary>
public sealed record CheckItem(string Name, string Measured, string Limit, Verdict Verdict, string Note = "");

/// <summary>Every line of a check of one array.</summary>
/// <param name="Subject">What was checked, e.g. "matrix 100 x 784, float32".</param>
/// <param name="Items">The lines, in the order they were judged.</param>
public sealed record CheckReport(string Subject, IReadOnlyList<CheckItem> Items)
{
    /// <summary>True when no line failed.</summary>
    public bool Passed => Items.All(i => i.Verdict != Verdict.Fail);
    /// <summary>The lines that failed.</summary>
    public IEnumerable<CheckItem> Failures => Items.Where(i => i.Verdict == Verdict.Fail);
}

/// <summary>What to judge a file against. Everything but the array is optional.</summary>
public sealed record CheckOptions
{
    /// <summary>Target density of the layer (for a kernel, of its mask).</summary>
    public double? TargetDensity { get; init; }
    /// <summary>A 0/1 mask of the same shape: values must lie inside it.</summary>
    public Eoi.Core.NdArray? Mask { get; init; }
    /// <summary>The gain sigma_w the matrix was scaled by: its Gram should be gain^2 I.</summary>
    public double Gain { get; init; } = 1.0;
    /// <summary>Rotation count, when known (e.g. from a plan); otherwise estimated from the density.</summary>
    public long? Rotations { get; init; }
    /// <summary>For kernels: how the centre density follows from the target density.</summary>
    public Eoi.Orthogonal.CentreDensityRule CentreRule { get; init; } = Eoi.Orthogonal.CentreDensityRule.Plain;
    /// <summary>Expected values (e.g. a golden file or a replayed plan), compared entry by entry.</summary>
    public Eoi.Core.NdArray? Reference { get; init; }
    /// <summary>How the values were computed; null: float64 values in float64 throughout, float32 values in
    /// float32 throughout (the loosest model that fits an unstated float32 file).</summary>
    public PrecisionModel? ComputedIn { get; init; }
    /// <summary>The largest number of rotations that hit one column, when the rotations are known (e.g. from a
    /// plan): the row load of the float32 bound. Otherwise the load is estimated from the rotation count.</summary>
    public int? MaxColumnHits { get; init; }
}
