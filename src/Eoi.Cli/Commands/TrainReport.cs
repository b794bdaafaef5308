using System.Globalization;
using Eoi.Cli.Terminal;
using Eoi.Nn.Runs;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary>The tables printed after <c>eoi train</c>: the layers as initialised, and the final accuracies.</summary>
static class TrainReport
{
    public static void Render(IAnsiConsole console, RunOutcome outcome, IEnumerable<string> files)
    {
        var c = outcome.Configuration;
        var layers = Tables.Create(console, $"{c.ModelDescription}; {c.InitDescription}", "layer", "shape", "trainable", "density", "singular values at init");
        foreach (var (density, index) in outcome.Densities.Select((d, i) => (d, i)))
            layers.AddPlainRow(density.Layer, density.Shape, Numbers.Count(density.Trainable), Numbers.Percent(density.Density),
                index < outcome.InitialSpectra.Count ? Range(outcome.InitialSpectra[index].Stats.Min, outcome.InitialSpectra[index].Stats.Mean, outcome.InitialSpectra[index].Stats.Max) : "-");
        layers.AddPlainRow("all", "", Numbers.Count(outcome.Densities.Sum(d => d.Trainable)), Numbers.Percent(outcome.GlobalDensity),
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
