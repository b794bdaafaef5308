using System.Globalization;
using System.Text;
using Eoi.Core;
using Eoi.Data;
using Eoi.IO;
using Eoi.Nn.Analysis;
using Eoi.Sparsity;

namespace Eoi.Nn.Experiments;

/// <summary>A grid's runs, their per-cell summaries, and the files that report them: runs.csv, summary.csv and
/// summary.md (the settings actually used, then a markdown table of mean ± std per mask method and scheme).
/// <see cref="Missing"/> names the grid's runs that are not in <see cref="Runs"/> (a merge of unfinished shards).</summary>
public sealed record ExperimentResult(ExperimentGrid Grid, IReadOnlyList<ExperimentRun> Runs, ExperimentData Data, IReadOnlyList<string>? Missing = null)
{
    public const string RunsFile = "runs.csv", SummaryFile = "summary.csv", TableFile = "summary.md", EpochsFile = "epochs.csv";

    /// <summary>Each cell's test accuracy after each epoch (index 0 is epoch 1), mean over the seeds whose runs kept it (one entry per
    /// epoch); cells without any such run are left out.</summary>
    public IReadOnlyList<(ExperimentCell Cell, double[] MeanTestAccuracy)> MeanAccuracyByEpoch() =>
        [.. Grid.Cells()
            .Select(cell => (cell, curves: Runs.Where(r => r.Cell == cell && r.TestAccuracyByEpoch is { Count: > 0 }).Select(r => r.TestAccuracyByEpoch!).ToArray()))
            .Where(c => c.curves.Length > 0)
            .Select(c => (c.cell, Enumerable.Range(0, c.curves.Min(curve => curve.Count)).Select(e => c.curves.Average(curve => curve[e])).ToArray()))];

    public IReadOnlyList<CellSummary> Summaries() =>
        [.. Grid.Cells().Select(cell => (cell, runs: Runs.Where(r => r.Cell == cell).ToArray()))
            .Where(c => c.runs.Length > 0)
            .Select(c => CellSummary.Of(c.cell, c.runs))];

    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        MetricsFiles.WriteCsv(Path.Combine(directory, RunsFile),
            ["activation", "density", "mask", "scheme", "seed", Grid.Measure == ExperimentMeasure.JacobianAtInit ? "mean_s" : "test_acc",
             "realised_density", "test_loss", "val_acc", "jacobian_mean_s", "jacobian_max_s", "jacobian_min_s", "jacobian_var_s", "seconds"],
            Runs.Select(r => new object?[]
            {
                r.Cell.Activation.Kind, r.Cell.Density, r.Cell.MaskName, r.Cell.MethodName, r.Seed, r.Value, r.RealisedDensity,
                r.TestLoss, r.ValidationAccuracy, r.Jacobian?.Mean, r.Jacobian?.Max, r.Jacobian?.Min, r.Jacobian?.Variance, r.Seconds,
            }));
        MetricsFiles.WriteCsv(Path.Combine(directory, SummaryFile),
            ["activation", "density", "mask", "scheme", "runs", "mean", "std", "mean_jacobian_var_s"],
            Summaries().Select(s => new object?[]
            {
                s.Cell.Activation.Kind, s.Cell.Density, s.Cell.MaskName, s.Cell.MethodName, s.Runs, s.Mean, s.Std, s.MeanJacobianVariance,
            }));
        AtomicFile.WriteText(Path.Combine(directory, TableFile), writer => writer.Write(MarkdownTable()));
        if (Runs.Any(r => r.TestAccuracyByEpoch is not null))
            MetricsFiles.WriteCsv(Path.Combine(directory, EpochsFile), ["activation", "density", "mask", "scheme", "seed", "epoch", "test_acc"],
                Runs.SelectMany(r => (r.TestAccuracyByEpoch ?? []).Select((accuracy, epoch) => new object?[]
                {
                    r.Cell.Activation.Kind, r.Cell.Density, r.Cell.MaskName, r.Cell.MethodName, r.Seed, epoch + 1, accuracy,
                })));
    }

    /// <summary>The settings, then one table per (activation, density): rows are mask methods ("-" for the
    /// reference arms), columns base / AI / EOI / SAO / dense, entries mean ± std over seeds (accuracy in percent,
    /// or the Jacobian's mean singular value).</summary>
    public string MarkdownTable()
    {
        bool accuracy = Grid.Measure == ExperimentMeasure.FinalTestAccuracy;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {Grid.Name}");
        text.AppendLine();
        string measure = accuracy ? "test accuracy, %, final epoch" : "mean singular value; var_s is the mean of the per-run variances";
        text.AppendLine(CultureInfo.InvariantCulture, $"{Grid.Description}; mean ± std over seeds {string.Join(", ", Grid.Seeds)} ({measure}).");
        text.AppendLine();
        AppendSettings(text, accuracy);
        var summaries = Summaries();
        foreach (var group in summaries.GroupBy(s => (s.Cell.Activation, s.Cell.Density)))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {group.Key.Activation.Kind}, density {group.Key.Density}");
            text.AppendLine();
            var methods = group.Select(s => s.Cell.MethodName).Distinct().ToArray();
            text.AppendLine("| mask | " + string.Join(" | ", methods) + " |");
            text.AppendLine("|---|" + string.Concat(methods.Select(_ => "---|")));
            foreach (var row in group.GroupBy(s => s.Cell.MaskName))
            {
                var cells = methods.Select(method => row.FirstOrDefault(s => s.Cell.MethodName == method) is { } s ? Format(s, accuracy) : "");
                text.AppendLine($"| {row.Key} | {string.Join(" | ", cells)} |");
            }
        }
        return text.ToString();
    }

    static string Format(CellSummary s, bool accuracy) => accuracy
        ? string.Create(CultureInfo.InvariantCulture, $"{100 * s.Mean:F2} ± {100 * s.Std:F2}")
        : string.Create(CultureInfo.InvariantCulture, $"{s.Mean:G4} ± {s.Std:G2} (var_s {s.MeanJacobianVariance:G3})");

    /// <summary>"the first 300 test examples", or "all test examples".</summary>
    static string First(int? count, string what) =>
        count is int n ? string.Create(CultureInfo.InvariantCulture, $"the first {n} {what}") : $"all {what}";

    /// <summary>What was run, so a reduced grid (fewer seeds, epochs, AI iterations, a sample of the data) reads as one.</summary>
    void AppendSettings(StringBuilder text, bool accuracy)
    {
        var run = Grid.Base;
        string from = run.DataDirectory is { } dir ? $" from {dir}" : "";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"- data: {Data.Source}{from}, {Data.Train} train / {Data.Validation} validation / {Data.Test} test samples");
        if (run.TrainExamples is not null || run.TestExamples is not null)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- reduced data: {First(run.TrainExamples, "training examples (before the validation split)")} and {First(run.TestExamples, "test examples")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- network: {run.Model} depth {run.Depth}, width {run.Width}; activations {string.Join(", ", Grid.Activations.Select(a => a.Kind))}");
        text.AppendLine(accuracy
            ? string.Create(CultureInfo.InvariantCulture, $"- training: {run.Training.Epochs} epochs, lr {run.Training.LearningRate}, weight decay {run.Training.WeightDecay}")
            : "- training: none (measured at initialisation)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- seeds: {string.Join(", ", Grid.Seeds)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- densities: {string.Join(", ", Grid.Densities)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- masks: {string.Join(", ", Grid.Masks)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- schemes: {string.Join(", ", Grid.Schemes.Select(ExperimentCell.SchemeName))}");
        if (Grid.Schemes.Contains(InitScheme.ApproximateIsometry))
            text.AppendLine(CultureInfo.InvariantCulture, $"- AI iterations: {run.Init.Options.ApproximateIsometry.Iterations}");
        if (Grid.ExtraArms.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- reference arms: {string.Join(", ", Grid.ExtraArms.Select(arm => arm == ExperimentArm.Sao ? $"SAO (degree {Grid.SaoDegree})" : $"dense {Grid.DenseArmInitKind}"))}");
        if (Missing is { Count: > 0 })
            text.AppendLine(CultureInfo.InvariantCulture, $"- missing (not finished): {Missing.Count} of {Grid.RunCount} runs: {string.Join(", ", Missing)}");
    }
}

/// <summary>The data a grid ran on: its source and split sizes, for the summary.</summary>
public sealed record ExperimentData(string Source, int Train, int Validation, int Test)
{
    public static ExperimentData Of(TrainValidationTest data)
    {
        Core.Guard.NotNull(data, nameof(data));
        return new ExperimentData(data.Source, data.Train.Count, data.Validation.Count, data.Test.Count);
    }
}
