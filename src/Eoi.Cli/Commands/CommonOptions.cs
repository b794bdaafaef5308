using System.CommandLine;
using Eoi.Core;
using Eoi.Oracle;

namespace Eoi.Cli.Commands;

/// <summary>
/// Options shared by several commands. Numbers are declared as strings and converted by
/// <see cref="OptionValues"/>, so that a bad value gets this tool's one-line message naming the option,
/// its range and the value (e.g. "--seed must be an integer in [0, 2^64-1]; got -1") instead of a
/// type-conversion error.
/// </summary>
static class CommonOptions
{
    /// <param name="kernels">Whether the command has --kind conv, whose rows and columns are channels.</param>
    public static Option<string> Rows(bool kernels) =>
        Required("--rows", "R", $"Rows: output features{(kernels ? " (for --kind conv, output channels)" : "")}. An integer >= 1.");

    /// <inheritdoc cref="Rows"/>
    public static Option<string> Cols(bool kernels) =>
        Required("--cols", "C", $"Columns: input features{(kernels ? " (for --kind conv, input channels)" : "")}. An integer >= 1.");

    /// <inheritdoc cref="Rows"/>
    public static Option<string> Density(bool kernels) =>
        Required("--density", "D", $"Fraction of non-zero entries, in [1/max(rows, cols), 1]{(kernels ? " (for --kind conv, in (0, 1])" : "")}.");

    public static Option<string> Seed() =>
        Required("--seed", "S", "Random seed, an integer in [0, 2^64-1]; the same seed gives the same bits on every machine.");

    public static Option<string> Gain() =>
        Optional("--gain", "G", "Scale sigma_w of the weights, in [1e-140, 1e140]: W W^T = G^2 I. Default: 1.");

    public static Option<string> Rule() => Choice("--rule", "When to stop rotating (paper: the authors' rule; exact-count: " +
        "aim at exactly round(density * rows * cols) non-zeros). Default: paper.", Vocabulary.Rules);

    public static Option<string> ElementType() => Choice("--dtype", "Element type of the written values. Default: float64.", Vocabulary.ElementTypes);

    public static Option<string> CentreRule() => Choice("--centre-rule", "How a conv kernel's centre density follows from --density " +
        "(plain: the same; more-nonzeros: min(d * kh * kw, 1, sqrt(d))). Default: plain.", Vocabulary.CentreRules);

    public static Option<string> Output(string description) =>
        new("--output", "-o") { HelpName = "FILE", Description = description, Required = true };

    public static Option<string> MaskOut() =>
        Optional("--mask-out", "FILE", "Also write the 0/1 mask to FILE (.npy, .safetensors or .mtx).");

    public static Option<string> Choice<T>(string name, string description, Words<T> words) where T : struct, Enum
    {
        var option = Optional(name, string.Join('|', words.All), description);
        option.AcceptOnlyFromAmong([.. words.All]);
        return option;
    }

    public static Option<string> Required(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description, Required = true };

    public static Option<string> Optional(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };
}
