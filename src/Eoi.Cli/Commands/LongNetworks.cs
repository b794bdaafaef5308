namespace Eoi.Cli.Commands;

/// <summary>
/// How reports show a network with many weight layers: every layer up to <see cref="AllUpTo"/>, beyond that the
/// first and last <see cref="EndLayers"/> (where a deep network's input and output sides differ) and, in tables,
/// percentiles over all layers. A 1000-row table took seconds to lay out and nobody reads it.
/// </summary>
static class LongNetworks
{
    public const int AllUpTo = 12, EndLayers = 3;

    /// <summary>The percentiles summarising every layer, with their row labels.</summary>
    public static readonly (string Label, double Fraction)[] Percentiles = [("min", 0), ("p5", 0.05), ("median", 0.5), ("p95", 0.95), ("max", 1)];

    public static bool IsLong(int layers) => layers > AllUpTo;

    /// <summary>The indices of the layers shown one by one.</summary>
    public static IReadOnlyList<int> Shown(int layers) => IsLong(layers)
        ? [.. Enumerable.Range(0, EndLayers), .. Enumerable.Range(layers - EndLayers, EndLayers)]
        : [.. Enumerable.Range(0, layers)];

    /// <summary>How tables and plots name the weight layer at a 0-based index: its number 1..L in forward order
    /// (not its module path, which in an MLP's Sequential counts the activations too: 0, 2, 4, ...).</summary>
    public static string Number(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The nearest-rank percentile of <paramref name="values"/> (0 gives the minimum, 1 the maximum).</summary>
    public static double Percentile(IReadOnlyList<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(fraction * (sorted.Length - 1), MidpointRounding.AwayFromZero)];
    }
}
