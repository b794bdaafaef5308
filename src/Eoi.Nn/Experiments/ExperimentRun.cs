using Eoi.Nn.Analysis;

namespace Eoi.Nn.Experiments;

/// <summary>
/// One finished run of a grid. <see cref="Value"/> is the grid's measure: the final-epoch test accuracy, or the
/// mean singular value of the Jacobian at initialisation. <see cref="TestAccuracyByEpoch"/> is the test accuracy
/// after each epoch (null for Jacobian grids, and for records written before it was kept).
/// </summary>
public sealed record ExperimentRun(
    ExperimentCell Cell,
    ulong Seed,
    double Value,
    double RealisedDensity,
    double Seconds,
    double? TestLoss = null,
    double? ValidationAccuracy = null,
    SpectrumStats? Jacobian = null,
    IReadOnlyList<double>? TestAccuracyByEpoch = null)
{
    // By value, the epoch curve included (the generated equality would compare the list by reference).
    public bool Equals(ExperimentRun? other) =>
        other is not null && Cell == other.Cell && Seed == other.Seed && Value.Equals(other.Value)
        && RealisedDensity.Equals(other.RealisedDensity) && Seconds.Equals(other.Seconds) && Nullable.Equals(TestLoss, other.TestLoss)
        && Nullable.Equals(ValidationAccuracy, other.ValidationAccuracy) && Equals(Jacobian, other.Jacobian)
        && (TestAccuracyByEpoch ?? []).SequenceEqual(other.TestAccuracyByEpoch ?? []) && (TestAccuracyByEpoch is null) == (other.TestAccuracyByEpoch is null);

    public override int GetHashCode() => HashCode.Combine(Cell, Seed, Value, Seconds);
}

/// <summary>A cell's runs summarised: mean and population standard deviation (NumPy's default) of the values
/// over seeds, and, for Jacobian grids, the mean over seeds of each run's singular-value variance.</summary>
public sealed record CellSummary(ExperimentCell Cell, int Runs, double Mean, double Std, double? MeanJacobianVariance)
{
    public static CellSummary Of(ExperimentCell cell, IReadOnlyCollection<ExperimentRun> runs)
    {
        double mean = runs.Average(r => r.Value);
        double std = Math.Sqrt(runs.Sum(r => (r.Value - mean) * (r.Value - mean)) / runs.Count);
        double? variance = runs.All(r => r.Jacobian is not null) ? runs.Average(r => r.Jacobian!.Variance) : null;
        return new CellSummary(cell, runs.Count, mean, std, variance);
    }
}

/// <summary>Reported before each run starts (Completed null, Training updated while it trains) and after it ends.</summary>
public sealed record ExperimentProgress(int Run, int Runs, ExperimentCell Cell, ulong Seed, Training.TrainingProgress? Training = null, ExperimentRun? Completed = null);
