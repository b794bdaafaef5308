using System.Globalization;
using Eoi.Cli.Terminal;
using Eoi.Nn.Runs;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary>The tables printed after <c>eoi train</c>: the layers as initialised (numbered 1..L in forward order,
/// as spectra.csv and spectra.png number them), and the final accuracies.</summary>
static class TrainReport
{
    public static void Render(IAnsiConsole console, RunOutcome outcome, IEnumerable<string> files)
    {
        var c = outcome.Configuration;
        var densities = outcome.Densities;
        var spectra = outcome.InitialSpectra.Count == densities.Count ? outcome.InitialSpectra.Select(s => s.Stats).ToArray() : null;
        var layers = Tables.Create(console, $"{c.ModelDescription}; {c.InitDescription}", "layer", "shape", "trainable", "density",
            "singular values at init: min / mean / max");
        foreach (int index in LongNetworks.Shown(densities.Count))
        {
            var density = densities[index];
            layers.AddPlainRow(LongNetworks.Number(index), density.Shape, Numbers.Count(density.Trainable), Numbers.Percent(density.Density),
                spectra is null ? "-" : Range(spectra[index].Min, spectra[index].Mean, spectra[index].Max));
        }
        if (LongNetworks.IsLong(densities.Count))
        {
            layers.AddPlainRow($"({densities.Count - 2 * LongNetworks.EndLayers} more)", "", "", "", "");
            double[] trainable = [.. densities.Select(d => (double)d.Trainable)], density = [.. densities.Select(d => d.Density)];
            foreach (var (label, fraction) in LongNetworks.Percentiles)
                layers.AddPlainRow($"{label} of {densities.Count}", "", Numbers.Count((long)LongNetworks.Percentile(trainable, fraction)),
                    Numbers.Percent(LongNetworks.Percentile(density, fraction)),
                    spectra is null ? "-" : Range(LongNetworks.Percentile([.. spectra.Select(s => s.Min)], fraction),
                        LongNetworks.Percentile([.. spectra.Select(s => s.Mean)], fraction), LongNetworks.Percentile([.. spectra.Select(s => s.Max)], fraction)));
        }
        layers.AddPlainRow("all", "", Numbers.Count(densities.Sum(d => d.Trainable)), Numbers.Percent(outcome.GlobalDensity),
            outcome.InitialJacobian is { } j ? $"Jacobian: {Range(j.Min, j.Mean, j.Max)}, var {Numbers.Short(j.Variance)}" : "");
        console.Write(layers);

        var final = outcome.Training.Final;
        var accuracy = Tables.Create(console, $"after epoch {final.Epoch} (init {outcome.InitSeconds:F1} s)", "set", "loss", "accuracy");
        accuracy.AddPlainRow("train", Loss(final.TrainLoss), Numbers.Percent(final.TrainAccuracy));
        accuracy.AddPlainRow("validation", Loss(final.ValidationLoss), Numbers.Percent(final.ValidationAccuracy));
        accuracy.AddPlainRow("test", Loss(final.TestLoss), Numbers.Percent(final.TestAccuracy));
        console.Write(accuracy);
        foreach (string file in files) console.WriteLine($"wrote {file}");
    }

    /// <summary>"min / mean / max"</summary>
    static string Range(double min, double mean, double max) => $"{Numbers.Short(min)} / {Numbers.Short(mean)} / {Numbers.Short(max)}";

    static string Loss(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
