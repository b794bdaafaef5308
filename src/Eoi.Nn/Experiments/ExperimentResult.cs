using System.Globalization;
using System.Text;
using Eoi.IO;
using Eoi.Nn.Analysis;

namespace Eoi.Nn.Experiments;

/// <summary>A grid's runs, their per-cell summaries, and the files that report them: runs.csv, summary.csv and
/// summary.md (a markdown table of mean ± std per mask method and scheme).</summary>
public sealed record ExperimentResult(ExperimentGrid Grid, IReadOnlyList<ExperimentRun> Runs)
{
    public const string RunsFile = "runs.csv", SummaryFile = "summary.csv", TableFile = "summary.md";

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
                r.Cell.Activation.Kind, r.Cell.Density, CellMask(r.Cell), CellScheme(r.Cell), r.Seed, r.Value, r.RealisedDensity,
                r.TestLoss, r.ValidationAccuracy, r.Jacobian?.Mean, r.Jacobian?.Max, r.Jacobian?.Min, r.Jacobian?.Variance, r.Seconds,
            }));
        MetricsFiles.WriteCsv(Path.Combine(directory, SummaryFile),
            ["activation", "density", "mask", "scheme", "runs", "mean", "std", "mean_jacobian_var_s"],
            Summaries().Select(s => new object?[]
            {
                s.Cell.Activation.Kind, s.Cell.Density, CellMask(s.Cell), CellScheme(s.Cell), s.Runs, s.Mean, s.Std, s.MeanJacobianVariance,
            }));
        AtomicFile.WriteText(Path.Combine(directory, TableFile), writer => writer.Write(MarkdownTable()));
    }

    /// <summary>One table per (activation, density): rows are mask methods, columns base / AI / EOI, entries
    /// mean ± std over seeds (accuracy in percent, or the Jacobian's mean singular value).</summary>
    public string MarkdownTable()
    {
        bool accuracy = Grid.Measure == ExperimentMeasure.FinalTestAccuracy;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {Grid.Name}");
        text.AppendLine();
        string measure = accuracy ? "test accuracy, %, final epoch" : "mean singular value; var_s is the mean of the per-run variances";
        text.AppendLine(CultureInfo.InvariantCulture, $"{Grid.Description}; mean ± std over seeds {string.Join(", ", Grid.Seeds)} ({measure}).");
        var summaries = Summaries();
        foreach (var group in summaries.GroupBy(s => (s.Cell.Activation, s.Cell.Density)))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {group.Key.Activation.Kind}, density {group.Key.Density}");
            text.AppendLine();
            var schemes = group.Select(s => s.Cell.Scheme).Distinct().ToArray();
            text.AppendLine("| mask | " + string.Join(" | ", schemes.Select(s => group.Key.Density == 1 ? "dense" : ExperimentCell.SchemeName(s))) + " |");
            text.AppendLine("|---|" + string.Concat(schemes.Select(_ => "---|")));
            foreach (var row in group.GroupBy(s => s.Cell.Mask))
            {
                var cells = schemes.Select(scheme => row.FirstOrDefault(s => s.Cell.Scheme == scheme) is { } s ? Format(s, accuracy) : "");
                text.AppendLine($"| {(group.Key.Density == 1 ? "-" : row.Key.ToString())} | {string.Join(" | ", cells)} |");
            }
        }
        return text.ToString();
    }

    static string Format(CellSummary s, bool accuracy) => accuracy
        ? string.Create(CultureInfo.InvariantCulture, $"{100 * s.Mean:F2} ± {100 * s.Std:F2}")
        : string.Create(CultureInfo.InvariantCulture, $"{s.Mean:G4} ± {s.Std:G2} (var_s {s.MeanJacobianVariance:G3})");

    static string CellMask(ExperimentCell cell) => cell.IsDense ? "dense" : cell.Mask.ToString();
    static string CellScheme(ExperimentCell cell) => cell.IsDense ? "dense" : ExperimentCell.SchemeName(cell.Scheme);
}
