using Eoi.Oracle;
using Spectre.Console;

namespace Eoi.Cli.Terminal;

/// <summary>The property/value table printed after a layer is generated or replayed.</summary>
static class SummaryView
{
    public static void Render(IAnsiConsole console, string title, LayerSummary summary)
    {
        var table = Tables.Create(console, title, "property", "value");
        table.AddPlainRow("shape", summary.Shape);
        table.AddPlainRow("orientation", summary.Orientation);
        table.AddPlainRow("rotations", Numbers.Count(summary.Rotations));
        table.AddPlainRow("non-zeros", $"{Numbers.Count(summary.NonZeros)} of {Numbers.Count(summary.Entries)} ({Numbers.Percent(summary.Density)})");
        // A kernel's density is that of its trainable mask; only the centre tap starts non-zero.
        table.AddPlainRow("achieved density", summary.MaskPositions == summary.NonZeros
            ? Numbers.Percent(summary.Density)
            : $"{Numbers.Percent(summary.MaskDensity)} (mask: {Numbers.Count(summary.MaskPositions)} positions, {Numbers.Count(summary.MaskPositions - summary.NonZeros)} of them starting at 0)");
        table.AddPlainRow("max orthogonality error", Numbers.Short(summary.MaxOrthogonalityError));
        table.AddPlainRow("time", Numbers.Duration(summary.Elapsed));
        foreach (string file in summary.Files)
            table.AddPlainRow("wrote", file);
        console.Write(table);
    }
}
