using Eoi.Checker;
using Eoi.Oracle;
using Spectre.Console;

namespace Eoi.Cli.Terminal;

/// <summary>One row per tensor of a model file, then one verdict line naming every failing layer.</summary>
static class ModelView
{
    public static void Render(IAnsiConsole console, ModelOutcome outcome)
    {
        var table = Tables.Create(console, $"{outcome.File}: {outcome.Tensors.Count} tensors", "tensor", "shape", "dtype", "verdict", "orthogonality", "note");
        foreach (var t in outcome.Tensors)
        {
            var orthogonality = t.Report?.Items.FirstOrDefault(i => i.Name is "orthogonality" or "delta condition (all shifts)");
            string note = t.Report is null ? $"skipped: {t.SkipReason}"
                : t.Failed ? $"failing: {string.Join(", ", t.Report.Failures.Select(f => f.Name))}"
                : t.Report.Subject;
            table.AddRow(new Text(t.Name), new Text(t.ShapeText), new Text(t.DTypeName),
                t.Report is null ? new Markup("[grey]skipped[/]") : t.Failed ? new Markup("[red bold]FAIL[/]") : new Markup("[green]PASS[/]"),
                new Text(orthogonality is null ? "-" : $"{orthogonality.Measured} ({orthogonality.Limit})"), new Text(note));
        }
        console.Write(table);
        int judged = outcome.Tensors.Count(t => t.Report is not null), skipped = outcome.Tensors.Count - judged;
        console.Write(outcome.Passed
            ? new VerdictLine(true, $"{outcome.File}: {judged} layers passed, {skipped} tensors skipped")
            : new VerdictLine(false, $"{outcome.File}: failing layers: {string.Join(", ", outcome.Failures.Select(f => f.Name))}"));
    }
}
