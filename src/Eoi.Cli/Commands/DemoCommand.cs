using System.CommandLine;
using System.Diagnostics;
using Eoi.Cli.Terminal;
using Eoi.IO;
using Eoi.Oracle;
using Eoi.Orthogonal;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary><c>eoi demo</c>: generate, write, check and replay a few layers, end to end.</summary>
static class DemoCommand
{
    const string Description = """
        Run the whole job on small layers: generate a 100 x 784 row-orthogonal matrix, a 784 x 100
        column-orthogonal one and a 64 x 32 x 3 x 3 conv kernel at density 0.1; write each as .npy,
        .safetensors and a rotation plan; check every file; replay each plan and confirm the values are
        bit-identical. Exit code 0 only if everything passed.

        Examples:
          eoi demo
          eoi demo --dir ./demo-out
        """;

    public static Command Create(IAnsiConsole console)
    {
        var dir = CommonOptions.Optional("--dir", "DIR", "Where to write the files (created if missing). Default: a new temporary directory.");
        var command = new Command("demo", Description) { dir };
        command.SetAction(parsed =>
        {
            string directory = parsed.GetValue(dir) is string given
                ? Directory.CreateDirectory(given).FullName
                : Directory.CreateTempSubdirectory("eoi-demo-").FullName;
            console.WriteLine($"writing to {directory}");
            bool passed = true;
            foreach (var (name, request) in DemoCases.All)
                passed &= RunCase(console, Path.Combine(directory, name), name, request);
            console.WriteLine();
            console.Write(new VerdictLine(passed, passed ? "demo: every file checked and every replay bit-identical" : "demo: see the failures above"));
            return passed ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    static bool RunCase(IAnsiConsole console, string stem, string name, LayerRequest request)
    {
        console.Write(new Rule(Markup.Escape(name)) { Justification = Justify.Left, Border = console.Profile.Capabilities.Unicode ? BoxBorder.Square : BoxBorder.Ascii });
        string npy = stem + ".npy", safetensors = stem + ".safetensors", plan = stem + ".plan" + LayerFiles.PlanExtension;
        var clock = Stopwatch.StartNew();
        var layer = Generation.Generate(request);
        clock.Stop();
        LayerFiles.Write(layer, new OutputFiles(npy, Plan: plan));
        LayerFiles.Write(layer, new OutputFiles(safetensors));
        SummaryView.Render(console, $"generated {name}", LayerSummary.Of(layer, clock.Elapsed, new[] { npy, safetensors, plan }.Select(f => Path.GetFileName(f))));

        // The .npy has no metadata: give the density and let --plan replay the values to compare against.
        bool passed = Check(console, new CheckRequest(npy, Density: request.Density, Plan: plan));
        passed &= Check(console, new CheckRequest(safetensors));
        if (request.Kind == LayerKind.Linear)
            passed &= ReplayToFile(console, plan, request, npy, stem + ".replayed.npy");
        return passed;
    }

    static bool Check(IAnsiConsole console, CheckRequest request)
    {
        // The directory was printed once at the start; file names are enough from there on.
        var outcome = FileChecker.Check(request) with { File = Path.GetFileName(request.File) };
        CheckView.Render(console, outcome);
        return outcome.Report.Passed;
    }

    /// <summary>What `eoi replay PLAN -o replayed.npy` does, then a byte comparison with the generated file.</summary>
    static bool ReplayToFile(IAnsiConsole console, string plan, LayerRequest request, string generated, string replayed)
    {
        LayerFiles.Write(Generation.FromPlan(RotationPlanFile.Read(plan), request.Gain, request.ElementType), new OutputFiles(replayed));
        bool identical = File.ReadAllBytes(replayed).AsSpan().SequenceEqual(File.ReadAllBytes(generated));
        string what = $"replay of {Path.GetFileName(plan)} -> {Path.GetFileName(replayed)}";
        console.Write(new VerdictLine(identical, $"{what}: {(identical ? "byte-identical to" : "differs from")} {Path.GetFileName(generated)}"));
        return identical;
    }
}
