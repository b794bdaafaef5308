using System.CommandLine;
using System.Diagnostics;
using Eoi.Cli.Terminal;
using Eoi.Core;
using Eoi.IO;
using Eoi.Oracle;
using Eoi.Orthogonal;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary><c>eoi replay</c>: materialises a saved rotation plan.</summary>
static class ReplayCommand
{
    const string Description = """
        Materialise a rotation plan file: apply its rotations in float64 exactly as docs/SPEC.md says, scale
        by the gain and write the values. Replaying the plan of `eoi generate` gives the same bytes.
        With --accumulate float32 every rotation is applied in float32, as a float32 implementation does
        (docs/SPEC.md §2.5), and the values are written as float32 unless --dtype says otherwise.

        Examples:
          eoi replay w.plan.jsonl -o w.npy
          eoi replay w.plan.jsonl --accumulate float32 -o w32.safetensors
          eoi replay w.plan.jsonl --gain 2 --dtype float32 -o w.safetensors --mask-out mask.npy
        """;

    public static Command Create(IAnsiConsole console)
    {
        var planFile = new Argument<string>("PLAN.jsonl") { Description = "A rotation plan, as written by `eoi plan -o` or `eoi generate --plan-out`." };
        var gain = CommonOptions.Gain();
        var dtype = CommonOptions.ElementType();
        var output = CommonOptions.Output("Where to write the values (.npy, .safetensors or .mtx).");
        var maskOut = CommonOptions.MaskOut();
        var accumulate = CommonOptions.Choice("--accumulate", "The precision every rotation is applied in (float32: cos and sin " +
            "rounded to float32, every product and sum rounded to float32). Default: float64.", Vocabulary.Accumulations);

        var command = new Command("replay", Description) { planFile, gain, dtype, output, maskOut, accumulate };
        command.SetAction(parsed =>
        {
            double g = OptionValues.Gain(parsed, gain) ?? 1.0;
            var accumulation = OptionValues.Word(parsed, accumulate, Vocabulary.Accumulations) ?? Accumulation.Float64;
            var type = OptionValues.Word(parsed, dtype, Vocabulary.ElementTypes)
                ?? (accumulation == Accumulation.Float32 ? ElementType.Float32 : ElementType.Float64);
            var files = new OutputFiles(parsed.GetRequiredValue(output), parsed.GetValue(maskOut));
            LayerFiles.RequireValid(files, rank: 2);

            var clock = Stopwatch.StartNew();
            var layer = Generation.FromPlan(RotationPlanFile.Read(parsed.GetRequiredValue(planFile)), g, type, accumulation);
            clock.Stop();
            LayerFiles.Write(layer, files);
            SummaryView.Render(console, "replayed", LayerSummary.Of(layer, clock.Elapsed, files.All));
            return ExitCodes.Success;
        });
        return command;
    }
}
