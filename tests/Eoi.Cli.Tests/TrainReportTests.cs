using Eoi.Cli.Commands;
using Eoi.Nn.Analysis;
using Eoi.Nn.Training;

namespace Eoi.Cli.Tests;

/// <summary>What <c>eoi train</c> shows of a network's layers: numbered 1..L in the table, spectra.csv and
/// spectra.png alike, and plots whose legend leaves the data visible.</summary>
public class TrainReportTests
{
    /// <summary>The first cells of the layer table's rows (between its header and its "all" row).</summary>
    static string[] LayerColumn(string stdout) =>
        [.. stdout.Split('\n').SkipWhile(line => !line.StartsWith("| layer ", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(line => !line.StartsWith("| all ", StringComparison.Ordinal))
            .Select(line => line.Split('|')[1].Trim())];

    [Fact]
    public void Layers_are_numbered_from_1_in_the_table_and_in_spectra_csv()
    {
        using var dir = new TempDirectory();
        var result = Tool.Succeed("train", "--epochs", "1", "--depth", "3", "--width", "16", "--no-jacobian", "-o", dir.File("run"));

        Assert.Equal(["1", "2", "3"], LayerColumn(result.Stdout));
        Assert.Contains("singular values at init: min / mean / max", result.Stdout);
        var csv = File.ReadAllLines(Path.Combine(dir.File("run"), "spectra.csv"));
        Assert.Equal("phase,layer,module,rows,cols,count,mean_s,max_s,min_s,var_s", csv[0]);
        // An MLP's Sequential counts its activations: the weight layers are modules 0, 2 and 4.
        Assert.Equal(["init,1,0", "init,2,2", "init,3,4", "final,1,0", "final,2,2", "final,3,4"],
            csv.Skip(1).Select(line => string.Join(',', line.Split(',').Take(3))));
    }

    [Fact]
    public void A_long_network_shows_its_first_and_last_layers_by_number()
    {
        using var dir = new TempDirectory();
        var result = Tool.Succeed("train", "--epochs", "1", "--depth", "14", "--width", "8", "--no-jacobian", "-o", dir.File("run"));

        Assert.Equal(["1", "2", "3", "12", "13", "14", "(8 more)", "min of 14", "p5 of 14", "median of 14", "p95 of 14", "max of 14"],
            LayerColumn(result.Stdout));
    }

    [Fact]
    public void The_jacobian_legend_sits_outside_the_data_area()
    {
        // Curves that pass through all four corners of the data area: no corner is free for a legend.
        double[][] corners = [[9.5, 9.5, 0.1], [0.1, 0.1, 0.1], [9.5, 9.5, 9.5], [0.1, 9.5, 0.1]];
        var history = corners.Select((values, e) => new EpochMetrics(e + 1, 0.1, 1, 0.5, 1, 0.5, 1, 0.5, 1, 1,
            new SpectrumStats(10, values[0], values[1], values[2], 0))).ToList();
        var plot = TrainPlots.JacobianPlot(history);
        plot.GetImage(1020, 560);

        var layout = plot.RenderManager.LastRender.Layout;
        var legend = Assert.Single(layout.PanelSizes, panel => panel.Key.GetType().Name.Contains("Legend", StringComparison.Ordinal));
        Assert.True(legend.Value > 0, "the legend panel has no width");
        Assert.True(legend.Key.Edge == ScottPlot.Edge.Right, $"the legend panel is on the {legend.Key.Edge} edge");
        // The panel lies beyond the data area's right edge, by its offset from it.
        Assert.True(layout.PanelOffsets[legend.Key] >= 0);
        Assert.True(layout.DataRect.Right + layout.PanelOffsets[legend.Key] + legend.Value <= layout.FigureRect.Right + 1);
    }
}
