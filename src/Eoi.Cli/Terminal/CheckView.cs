using Eoi.Checker;
using Eoi.Oracle;
using Spectre.Console;

namespace Eoi.Cli.Terminal;

/// <summary>The verdict table of one checked file and its one-line overall verdict.</summary>
static class CheckView
{
    public static void Render(IAnsiConsole console, CheckOutcome outcome)
    {
        var report = outcome.Report;
        var table = Tables.Create(console, $"{outcome.File}: {report.Subject}", "check", "measured", "limit", "verdict", "note");
        foreach (var item in report.Items)
            table.AddRow(new Text(item.Name), new Text(item.Measured), new Text(item.Limit), VerdictCell(item.Verdict), new Text(item.Note));
        console.Write(table);
        foreach (string note in outcome.Notes)
            console.MarkupLineInterpolated($"[grey]note: {note}[/]");
        console.Write(VerdictOf(outcome));
    }

    /// <summary>"PASS file: subject (n checks passed)" or "FAIL file: subject; failing: a, b".</summary>
    static VerdictLine VerdictOf(CheckOutcome outcome)
    {
        var report = outcome.Report;
        string subject = $"{outcome.File}: {report.Subject}";
        return report.Passed
            ? new VerdictLine(true, $"{subject} ({report.Items.Count(i => i.Verdict == Verdict.Pass)} checks passed)")
            : new VerdictLine(false, $"{subject}; failing: {string.Join(", ", report.Failures.Select(f => f.Name))}");
    }

    static Markup VerdictCell(Verdict verdict) => verdict switch
    {
        Verdict.Pass => new Markup("[green]PASS[/]"),
        Verdict.Fail => new Markup("[red bold]FAIL[/]"),
        _ => new Markup("[grey]info[/]"),
    };
}
