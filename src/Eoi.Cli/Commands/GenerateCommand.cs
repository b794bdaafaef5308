using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Eoi.Cli.Terminal;
using Eoi.Core;
using Eoi.Oracle;
using Eoi.Orthogonal;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary><c>eoi generate</c>: one EOI matrix or delta-orthogonal conv kernel, written to a file.</summary>
static class GenerateCommand
{
    const string Description = """
        Generate a sparse, exactly orthogonal EOI matrix (or a delta-orthogonal conv kernel) and write it.
        A matrix with rows <= cols is row-orthogonal (W W^T = G^2 I), otherwise column-orthogonal (W^T W = G^2 I).

        The extension of -o picks the format: .npy (values only), .safetensors (tensors "weight" and "mask",
        plus metadata that `eoi check` reads), .mtx (Matrix Market coordinates; matrices only).

        Examples:
          eoi generate --rows 100 --cols 784 --density 0.1 --seed 1 -o w.safetensors
          eoi generate --rows 784 --cols 100 --density 0.1 --seed 1 --dtype float32 -o w.npy --mask-out mask.npy --plan-out w.plan.jsonl
          eoi generate --kind conv --rows 64 --cols 32 --kernel 3 --density 0.1 --seed 1 -o kernel.safetensors
        """;

    sealed class Options
    {
        public readonly Option<string> Rows = CommonOptions.Rows(kernels: true);
        public readonly Option<string> Cols = CommonOptions.Cols(kernels: true);
        public readonly Option<string> Density = CommonOptions.Density(kernels: true);
        public readonly Option<string> Seed = CommonOptions.Seed();
        public readonly Option<string> Gain = CommonOptions.Gain();
        public readonly Option<string> Kind = CommonOptions.Choice("--kind", "A linear layer's matrix or a conv kernel (rows = out channels, " +
            "cols = in channels). Default: linear.", Vocabulary.Kinds);
        public readonly Option<string> Kernel = CommonOptions.Optional("--kernel", "K|KHxKW",
            "Conv kernel size, odd: 3 or 3x5. Only with --kind conv. Default: 3.");
        public readonly Option<string> CentreRule = CommonOptions.CentreRule();
        public readonly Option<string> Rule = CommonOptions.Rule();
        public readonly Option<string> ElementType = CommonOptions.ElementType();
        public readonly Option<string> Output = CommonOptions.Output("Where to write the values (.npy, .safetensors or .mtx).");
        public readonly Option<string> MaskOut = CommonOptions.MaskOut();
        public readonly Option<string> PlanOut = CommonOptions.Optional("--plan-out", "PLAN.jsonl",
            "Also write the rotation plan (for conv, the centre matrix's) as JSON lines; `eoi replay` rebuilds the values from it.");

        public IEnumerable<Option> All => [Rows, Cols, Density, Seed, Gain, Kind, Kernel, CentreRule, Rule, ElementType, Output, MaskOut, PlanOut];
    }

    public static Command Create(IAnsiConsole console)
    {
        var options = new Options();
        var command = new Command("generate", Description);
        foreach (var option in options.All)
            command.Options.Add(option);
        command.SetAction(parsed =>
        {
            var (request, files) = Read(parsed, options);
            var clock = Stopwatch.StartNew();
            var layer = Generation.Generate(request);
            clock.Stop();
            LayerFiles.Write(layer, files);
            SummaryView.Render(console, "generated", LayerSummary.Of(layer, clock.Elapsed, files.All));
            return ExitCodes.Success;
        });
        return command;
    }

    static (LayerRequest Request, OutputFiles Files) Read(ParseResult parsed, Options o)
    {
        var kind = OptionValues.Word(parsed, o.Kind, Vocabulary.Kinds) ?? LayerKind.Linear;
        bool conv = kind == LayerKind.Conv;
        if (!conv)
            foreach (var convOnly in new[] { o.Kernel, o.CentreRule })
                if (parsed.GetValue(convOnly) is not null)
                    throw new EoiArgumentException(convOnly.Name, $"{convOnly.Name} applies only to --kind conv");
        if (conv && parsed.GetValue(o.Rule) is not null)
            throw new EoiArgumentException(o.Rule.Name, $"{o.Rule.Name} applies only to --kind linear (a kernel's centre matrix uses the paper rule)");

        var kernel = conv ? KernelSizeOf(parsed, o.Kernel) : KernelSize.Matrix;
        var (rows, cols) = OptionValues.Shape(parsed, o.Rows, o.Cols, kernel);
        double density = conv ? OptionValues.KernelDensity(parsed, o.Density) : OptionValues.MatrixDensity(parsed, o.Density, rows, cols);

        var request = new LayerRequest(kind, rows, cols, density,
            OptionValues.Seed(parsed, o.Seed),
            OptionValues.Gain(parsed, o.Gain) ?? 1.0,
            OptionValues.Word(parsed, o.Rule, Vocabulary.Rules) ?? StoppingRule.Paper,
            kernel,
            OptionValues.Word(parsed, o.CentreRule, Vocabulary.CentreRules) ?? CentreDensityRule.Plain,
            OptionValues.Word(parsed, o.ElementType, Vocabulary.ElementTypes) ?? ElementType.Float64);
        var files = new OutputFiles(parsed.GetRequiredValue(o.Output), parsed.GetValue(o.MaskOut), parsed.GetValue(o.PlanOut));
        LayerFiles.RequireValid(files, conv ? 4 : 2);
        return (request, files);
    }

    /// <summary>"K" or "KHxKW", both odd and >= 1 (a delta kernel needs a centre tap); 3x3 when not given.</summary>
    static KernelSize KernelSizeOf(ParseResult parsed, Option<string> option)
    {
        string text = parsed.GetValue(option) ?? "3";
        string[] parts = text.Split('x', 'X');
        var sizes = parts.Length is 1 or 2
            ? parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k % 2 == 1 ? k : 0).ToArray()
            : [];
        if (sizes.Length == 0 || sizes.Contains(0))
            throw new EoiArgumentException(option.Name, $"{option.Name} must be K or KHxKW with odd sizes >= 1 (e.g. 3 or 3x5); got {text}");
        return new KernelSize(sizes[0], sizes[^1]);
    }
}
