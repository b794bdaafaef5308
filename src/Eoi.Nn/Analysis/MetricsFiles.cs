using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Eoi.Core;
using Eoi.IO;
using Eoi.Nn.Training;

namespace Eoi.Nn.Analysis;

/// <summary>Metric files, each written atomically: CSV for spreadsheets and plots, JSON for everything.</summary>
public static class MetricsFiles
{
    public static void WriteHistoryCsv(string path, IEnumerable<EpochMetrics> history) =>
        WriteCsv(path,
            ["epoch", "lr", "train_loss", "train_acc", "val_loss", "val_acc", "test_loss", "test_acc", "seconds", "samples_per_s",
             "jacobian_mean_s", "jacobian_max_s", "jacobian_min_s", "jacobian_var_s"],
            history.Select(m => new object?[]
            {
                m.Epoch, m.LearningRate, m.TrainLoss, m.TrainAccuracy, m.ValidationLoss, m.ValidationAccuracy, m.TestLoss, m.TestAccuracy,
                m.Seconds, m.SamplesPerSecond, m.Jacobian?.Mean, m.Jacobian?.Max, m.Jacobian?.Min, m.Jacobian?.Variance,
            }));

    /// <summary>One row per (phase, layer): the summary of that layer's singular values. "layer" numbers each
    /// phase's weight layers 1..L in forward order, as the printed tables do; "module" is the layer's path in
    /// the network (e.g. "0", "2", ... for an MLP's Sequential, which counts its activations too).</summary>
    public static void WriteSpectraCsv(string path, IEnumerable<(string Phase, IReadOnlyList<LayerSpectrum> Layers)> phases) =>
        WriteCsv(path, ["phase", "layer", "module", "rows", "cols", "count", "mean_s", "max_s", "min_s", "var_s"],
            phases.SelectMany(phase => phase.Layers.Select((s, l) => new object?[]
            {
                phase.Phase, l + 1, s.Layer, s.Rows, s.Cols, s.Stats.Count, s.Stats.Mean, s.Stats.Max, s.Stats.Min, s.Stats.Variance,
            })));

    /// <summary>Writes <paramref name="value"/> in the <see cref="JsonFormat"/> style; <paramref name="type"/> is
    /// its source-generated contract there (JsonFormat.Default.X).</summary>
    internal static void WriteJson<T>(string path, T value, JsonTypeInfo<T> type) =>
        AtomicFile.WriteText(path, writer => writer.Write(JsonSerializer.Serialize(value, type)));

    /// <summary>Comma-separated, invariant culture, doubles in shortest round-trip form, empty for null; a field
    /// holding a comma or quote is quoted.</summary>
    public static void WriteCsv(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        AtomicFile.WriteText(path, writer =>
        {
            writer.WriteLine(string.Join(',', header.Select(Field)));
            foreach (var row in rows) writer.WriteLine(string.Join(',', row.Select(Field)));
        });

    static string Field(object? value)
    {
        string text = value switch
        {
            null => "",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\n']) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
