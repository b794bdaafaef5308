using System.Globalization;
using Eoi.Nn.Experiments;
using ScottPlot;

namespace Eoi.Cli.Commands;

/// <summary>A grid's picture: test accuracy by epoch, one line per cell (mean over its seeds), so the schemes'
/// training curves sit side by side. Returns the file written, or null when no run kept its epochs.</summary>
static class ExperimentPlots
{
    public const string AccuracyByEpochFile = "accuracy-by-epoch.png";
    const int Width = 1000, Height = 560;

    public static string? Write(string directory, ExperimentResult result)
    {
        var curves = result.MeanAccuracyByEpoch();
        if (curves.Count == 0) return null;
        var plot = new Plot();
        foreach (var (cell, accuracy) in curves)
        {
            var line = plot.Add.Scatter(Enumerable.Range(1, accuracy.Length).Select(e => (double)e).ToArray(), accuracy.Select(a => 100 * a).ToArray());
            line.LegendText = cell.Label;
        }
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{result.Grid.Name}: test accuracy by epoch (mean over seeds {string.Join(", ", result.Grid.Seeds)})"));
        plot.XLabel("epoch");
        plot.YLabel("test accuracy (%)");
        // Outside the axes: a legend inside would hide the curves it names.
        plot.ShowLegend(Edge.Right);
        return PngFile.Save(plot, Path.Combine(directory, AccuracyByEpochFile), Width, Height);
    }
}
