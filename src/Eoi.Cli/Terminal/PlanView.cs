using Eoi.Oracle;
using Eoi.Orthogonal;
using Spectre.Console;

namespace Eoi.Cli.Terminal;

/// <summary>A plan's summary and its first rotations, each with the exact bits a replay uses.</summary>
static class PlanView
{
    public static void Render(IAnsiConsole console, RotationPlan plan, int show, string? savedTo)
    {
        var summary = Tables.Create(console, "rotation plan", "property", "value");
        summary.AddPlainRow("shape", $"{plan.Rows} x {plan.Cols} ({(plan.Transposed ? "column" : "row")}-orthogonal)");
        summary.AddPlainRow("target density", Numbers.Exact(plan.TargetDensity));
        summary.AddPlainRow("rule", Vocabulary.Rules.WordFor(plan.Rule));
        if (plan.Key is { } key)
            summary.AddPlainRow("seed", LayerMetadata.SeedOf(key).ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.AddPlainRow("rotations", Numbers.Count(plan.Rotations.Count));
        summary.AddPlainRow("non-zeros", Numbers.Count(plan.NonZeros));
        summary.AddPlainRow("achieved density", Numbers.Percent(plan.Density));
        if (savedTo is not null)
            summary.AddPlainRow("wrote", savedTo);
        console.Write(summary);

        int shown = Math.Min(show, plan.Rotations.Count);
        if (shown == 0)
            return;
        var rotations = Tables.Create(console, $"first {shown} of {plan.Rotations.Count} rotations", "#", "i", "j", "theta", "cos", "sin");
        foreach (var column in rotations.Columns)
            column.RightAligned();
        for (int t = 0; t < shown; t++)
        {
            var g = plan.Rotations[t];
            rotations.AddPlainRow(Numbers.Count(t), Numbers.Count(g.I), Numbers.Count(g.J), Numbers.Exact(g.Theta), Numbers.Exact(g.Cos), Numbers.Exact(g.Sin));
        }
        console.Write(rotations);
    }
}
