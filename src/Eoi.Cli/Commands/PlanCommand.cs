using System.CommandLine;
using Eoi.Cli.Terminal;
using Eoi.IO;
using Eoi.Oracle;
using Eoi.Orthogonal;
using Eoi.Random;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary><c>eoi plan</c>: the rotations of an EOI matrix without its values.</summary>
static class PlanCommand
{
    const string Description = """
        Compute the rotation plan of an EOI matrix (the ordered Givens rotations and the support they give),
        print a summary and its first rotations, and optionally save it as JSON lines. The plan is the
        portable recipe: `eoi replay` (or any implementation of docs/SPEC.md) rebuilds the exact values.

        Examples:
          eoi plan --rows 100 --cols 784 --density 0.1 --seed 1
          eoi plan --rows 100 --cols 784 --density 0.1 --seed 1 --rule exact-count -o w.plan.jsonl --show 0
        """;

    public static Command Create(IAnsiConsole console)
    {
        var rows = CommonOptions.Rows(kernels: false);
        var cols = CommonOptions.Cols(kernels: false);
        var density = CommonOptions.Density(kernels: false);
        var seed = CommonOptions.Seed();
        var rule = CommonOptions.Rule();
        var output = new Option<string>("--output", "-o") { HelpName = "PLAN.jsonl", Description = "Save the plan to this .jsonl file." };
        var show = CommonOptions.Optional("--show", "N", "Print the first N rotations (an integer >= 0). Default: 10.");

        var command = new Command("plan", Description) { rows, cols, density, seed, rule, output, show };
        command.SetAction(parsed =>
        {
            var (r, c) = OptionValues.Shape(parsed, rows, cols, KernelSize.Matrix);
            double d = OptionValues.MatrixDensity(parsed, density, r, c);
            var key = RngKey.FromSeed(OptionValues.Seed(parsed, seed));
            var stoppingRule = OptionValues.Word(parsed, rule, Vocabulary.Rules) ?? StoppingRule.Paper;
            int shown = (int)(OptionValues.Count(parsed, show, int.MaxValue) ?? 10);
            string? path = parsed.GetValue(output);
            if (path is not null)
                LayerFiles.RequirePlanFormat(path, output.Name);

            var plan = SparseOrthogonal.Plan(r, c, d, key, stoppingRule);
            if (path is not null)
                RotationPlanFile.Write(path, plan);
            PlanView.Render(console, plan, shown, path);
            return ExitCodes.Success;
        });
        return command;
    }
}
