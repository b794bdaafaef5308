using Eoi.Nn.Analysis;
using Eoi.Nn.Runs;
using Eoi.Nn.Training;
using ScottPlot;

namespace Eoi.Cli.Commands;

/// <summary>
/// PNG plots of a run with ScottPlot (rendered by SkiaSharp): loss and accuracy curves per epoch, each layer's
/// singular values at initialisation and after training, and the input-output Jacobian's singular values per
/// epoch. Returns the files written.
/// </summary>
static class TrainPlots
{
    const int Width = 900, Height = 560;

    /// <summary>Renders the plots at once (each is its own <see cref="Plot"/>): the run waits for the slowest, not
    /// for the sum. An error is rethrown as itself.</summary>
    public static IReadOnlyList<string> Write(string directory, RunOutcome outcome)
    {
        var history = outcome.Training.History;
        var plots = new List<(string File, Action<string> Render)>
        {
            (RunFiles.LossPlot, path => Curves(path, "Cross-entropy loss", "loss", Alignment.UpperRight, history,
                ("train", m => m.TrainLoss), ("validation", m => m.ValidationLoss), ("test", m => m.TestLoss))),
            (RunFiles.AccuracyPlot, path => Curves(path, "Accuracy", "accuracy (%)", Alignment.LowerRight, history,
                ("train", m => 100 * m.TrainAccuracy), ("validation", m => 100 * m.ValidationAccuracy), ("test", m => 100 * m.TestAccuracy))),
        };
        if (outcome.InitialSpectra.Count > 0)
            plots.Add((RunFiles.SpectraPlot, path => Spectra(path, outcome.InitialSpectra, outcome.FinalSpectra)));
        if (history.All(m => m.Jacobian is not null))
            plots.Add((RunFiles.JacobianPlot, path => PngFile.Save(JacobianPlot(history), path, Width + OutsideLegendWidth, Height)));
        var files = plots.Select(p => Path.Combine(directory, p.File)).ToArray();
        Task.WhenAll(plots.Select((p, i) => Task.Run(() => p.Render(files[i])))).GetAwaiter().GetResult();
        return files;
    }

    /// <summary>Pixels added to a figure whose legend sits outside the data area, on its right edge.</summary>
    const int OutsideLegendWidth = 120;

    /// <summary>The Jacobian's mean, max and min per epoch. Its curves can pass through any corner (a max of 9.5
    /// in epoch 96 sat under a legend in the upper right), so the legend sits outside the data area.</summary>
    internal static Plot JacobianPlot(IReadOnlyList<EpochMetrics> history) =>
        CurvesPlot("Input-output Jacobian singular values (batch 0 of each epoch)", "singular value", null, history,
            ("mean", m => m.Jacobian!.Mean), ("max", m => m.Jacobian!.Max), ("min", m => m.Jacobian!.Min));

    static void Curves(string path, string title, string yLabel, Alignment legend, IReadOnlyList<EpochMetrics> history, params (string Label, Func<EpochMetrics, double> Value)[] series) =>
        PngFile.Save(CurvesPlot(title, yLabel, legend, history, series), path, Width, Height);

    /// <param name="legend">The corner of the data area that holds the legend; null: outside it, on the right.</param>
    static Plot CurvesPlot(string title, string yLabel, Alignment? legend, IReadOnlyList<EpochMetrics> history, params (string Label, Func<EpochMetrics, double> Value)[] series)
    {
        var plot = new Plot();
        double[] epochs = [.. history.Select(m => (double)m.Epoch)];
        foreach (var (label, value) in series)
        {
            var line = plot.Add.Scatter(epochs, [.. history.Select(value)]);
            line.LegendText = label;
        }
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        if (legend is { } corner) plot.ShowLegend(corner);
        else plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Each shown layer's (<see cref="LongNetworks"/>) singular values in descending order against their rank scaled to [0, 1], so layers of
    /// different sizes share the axis: solid at initialisation, dashed after training.</summary>
    static void Spectra(string path, IReadOnlyList<LayerSpectrum> initial, IReadOnlyList<LayerSpectrum> final)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (int l in LongNetworks.Shown(initial.Count))
        {
            var color = palette.GetColor(l);
            var before = plot.Add.Scatter(Ranks(initial[l].Values.Length), initial[l].Values, color);
            before.LegendText = $"layer {LongNetworks.Number(l)} init";
            before.MarkerSize = 0;
            if (l >= final.Count) continue;
            var after = plot.Add.Scatter(Ranks(final[l].Values.Length), final[l].Values, color);
            after.LegendText = $"layer {LongNetworks.Number(l)} final";
            after.MarkerSize = 0;
            after.LinePattern = LinePattern.Dashed;
        }
        plot.Title(LongNetworks.IsLong(initial.Count)
            ? $"Singular values of the first and last {LongNetworks.EndLayers} of {initial.Count} layers (solid: init, dashed: after training)"
            : "Singular values of each layer (solid: init, dashed: after training)");
        plot.XLabel("rank / count");
        plot.YLabel("singular value");
        plot.ShowLegend(Edge.Right);
        PngFile.Save(plot, path, Width + 200, Height);
    }

    static double[] Ranks(int count) => [.. Enumerable.Range(0, count).Select(i => count == 1 ? 0 : i / (double)(count - 1))];
}
