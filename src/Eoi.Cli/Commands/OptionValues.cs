using System.CommandLine;
using System.Globalization;
using Eoi.Core;
using Eoi.Oracle;
using Eoi.Orthogonal;

namespace Eoi.Cli.Commands;

/// <summary>
/// Converts the text of an option to its value, or throws an <see cref="EoiArgumentException"/> whose
/// message names the option, the allowed range and the value given.
/// </summary>
static class OptionValues
{
    const string SeedRange = "[0, 2^64-1]";

    /// <summary>A size such as --rows: an integer in [1, 2^31-1].</summary>
    static int Size(ParseResult parsed, Option<string> option)
    {
        string text = parsed.GetRequiredValue(option);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < 1)
            throw Error(option, $"an integer in [1, {int.MaxValue}]", text);
        return value;
    }

    /// <summary>--rows and --cols of a layer whose rows x cols x kernel taps entries fit in one array, as
    /// the library requires.</summary>
    public static (int Rows, int Cols) Shape(ParseResult parsed, Option<string> rowsOption, Option<string> colsOption, KernelSize kernel)
    {
        int rows = Size(parsed, rowsOption), cols = Size(parsed, colsOption);
        // Four factors below 2^31 can overflow a long, never an Int128.
        Int128 entries = (Int128)rows * cols * kernel.Height * kernel.Width;
        if (entries > int.MaxValue)
        {
            string taps = kernel == KernelSize.Matrix ? "" : $" x {kernel.Height * (long)kernel.Width} kernel taps";
            throw new EoiArgumentException(rowsOption.Name,
                $"{rowsOption.Name} x {colsOption.Name}{taps} must be at most {int.MaxValue} entries; got {entries}");
        }
        return (rows, cols);
    }

    public static ulong Seed(ParseResult parsed, Option<string> option)
    {
        string text = parsed.GetRequiredValue(option);
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
            throw Error(option, $"an integer in {SeedRange}", text);
        return seed;
    }

    /// <summary>A count such as --rotations or --show: an integer >= 0; null when not given.</summary>
    public static long? Count(ParseResult parsed, Option<string> option, long max = long.MaxValue)
    {
        if (parsed.GetValue(option) is not string text)
            return null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) || value < 0 || value > max)
            throw Error(option, $"an integer in [0, {max}]", text);
        return value;
    }

    /// <summary>A gain whose orthogonality bound is finite and non-zero; null when not given.</summary>
    public static double? Gain(ParseResult parsed, Option<string> option) =>
        parsed.GetValue(option) is string text ? Number(option, text, Checker.Tolerances.GainRange, Checker.Tolerances.IsJudgeableGain) : null;

    /// <summary>A density in (0, 1]; null when not given.</summary>
    public static double? Density(ParseResult parsed, Option<string> option) =>
        parsed.GetValue(option) is string text ? KernelDensity(option, text) : null;

    /// <summary>A conv layer's density, any in (0, 1]: the centre matrix's is raised to its minimum when needed.</summary>
    public static double KernelDensity(ParseResult parsed, Option<string> option) => KernelDensity(option, parsed.GetRequiredValue(option));

    /// <summary>A density an EOI matrix of this shape can have: [1/max(rows, cols), 1], the lower end being
    /// the density of [I | 0].</summary>
    public static double MatrixDensity(ParseResult parsed, Option<string> option, int rows, int cols)
    {
        double minimum = SparseOrthogonal.MinimumDensity(rows, cols);
        string range = $"in [1/max(rows, cols), 1] = [1/{Math.Max(rows, cols)}, 1] = [{minimum.ToString("R", CultureInfo.InvariantCulture)}, 1]";
        return Number(option, parsed.GetRequiredValue(option), range, d => d >= minimum && d <= 1);
    }

    /// <summary>The value of a word option; System.CommandLine has already rejected words not in the list.</summary>
    public static T? Word<T>(ParseResult parsed, Option<string> option, Words<T> words) where T : struct, Enum =>
        parsed.GetValue(option) is not string text ? null
        : words.TryParse(text, out T value) ? value
        : throw Error(option, $"one of {string.Join(", ", words.All)}", text);

    static double KernelDensity(Option<string> option, string text) => Number(option, text, "in (0, 1]", d => d > 0 && d <= 1);

    /// <summary>NaN and the infinities parse, then fail <paramref name="valid"/> and are reported by name.</summary>
    static double Number(Option<string> option, string text, string expected, Func<double, bool> valid) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && valid(value)
            ? value
            : throw Error(option, expected, text);

    static EoiArgumentException Error(Option option, string expected, string text) =>
        new(option.Name, $"{option.Name} must be {expected}; got {text}");
}
