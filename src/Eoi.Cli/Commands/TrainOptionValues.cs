using System.CommandLine;
using System.Globalization;
using Eoi.Core;
using Eoi.Data;

namespace Eoi.Cli.Commands;

/// <summary>Optional numeric and word options of <c>eoi train</c> with their defaults; a bad value is an
/// <see cref="EoiArgumentException"/> naming the option, the allowed range and the text given.</summary>
static class TrainOptionValues
{
    public static int Integer(ParseResult parsed, Option<string> option, int fallback, int min, int max = int.MaxValue)
    {
        if (parsed.GetValue(option) is not string text) return fallback;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw Error(option, $"an integer in [{min}, {max}]", text);
    }

    public static ulong Seed(ParseResult parsed, Option<string> option, ulong fallback)
    {
        if (parsed.GetValue(option) is not string text) return fallback;
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value)
            ? value
            : throw Error(option, "an integer in [0, 2^64-1]", text);
    }

    /// <summary>A finite number in [min, max] (or (min, max] when <paramref name="excludeMin"/>).</summary>
    public static double Number(ParseResult parsed, Option<string> option, double fallback, double min, double max, bool excludeMin = false)
    {
        if (parsed.GetValue(option) is not string text) return fallback;
        string range = string.Create(CultureInfo.InvariantCulture, $"a number in {(excludeMin ? "(" : "[")}{min}, {max}]");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
               && double.IsFinite(value) && (excludeMin ? value > min : value >= min) && value <= max
            ? value
            : throw Error(option, range, text);
    }

    public static T Word<T>(ParseResult parsed, Option<string> option, Eoi.Oracle.Words<T> words, T fallback) where T : struct, Enum =>
        Commands.OptionValues.Word(parsed, option, words) ?? fallback;

    /// <summary>A word option checked by <see cref="Word{T}"/> rather than AcceptOnlyFromAmong, so a bad word is one
    /// line naming the option ("--model must be one of mlp, ...; got x"), not "Argument 'x' not recognized" and a usage line.</summary>
    public static Option<string> Choice<T>(string name, string description, Eoi.Oracle.Words<T> words) where T : struct, Enum
    {
        var option = CommonOptions.Optional(name, string.Join('|', words.All), description);
        option.CompletionSources.Add([.. words.All]);
        return option;
    }

    /// <summary>The --dataset option of <c>eoi train</c> and <c>eoi experiment</c>: a name among
    /// <see cref="DataSources.Names"/>, checked by <see cref="Dataset(ParseResult, Option{string})"/> as <see cref="Choice"/> options are.</summary>
    public static Option<string> Dataset(string description)
    {
        var option = CommonOptions.Optional("--dataset", string.Join('|', DataSources.Names), description);
        option.CompletionSources.Add([.. DataSources.Names]);
        return option;
    }

    /// <summary>The data source named, or null when the option is absent.</summary>
    public static string? Dataset(ParseResult parsed, Option<string> option) =>
        parsed.GetValue(option) is not string name ? null
        : DataSources.Names.Contains(name) ? name
        : throw Error(option, $"one of {string.Join(", ", DataSources.Names)}", name);

    static EoiArgumentException Error(Option option, string expected, string text) =>
        new(option.Name, $"{option.Name} must be {expected}; got {text}");
}
