using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Eoi.Nn.Experiments;
using Eoi.Nn.Training;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary><c>eoi experiment NAME</c>: one of the paper's grids of runs, summarised as mean ± std over seeds.</summary>
static class ExperimentCommand
{
    const string Description = """
        Run a named grid of the paper's experiments: seeds x mask methods x {base, AI, EOI} (and, for
        jacobian-init, activations x densities), then write runs.csv (one row per run), summary.csv and
        summary.md (mean ± std over seeds per cell) into --output, plus each run's files under runs/.
          mlp7-mnist     7-layer tanh MLP on MNIST, densities 0.05 and 0.1, final test accuracy
          mlp7-fashion   the same on Fashion-MNIST
          mlp1000-mnist  1000-layer tanh MLP (width 128) on MNIST at density 0.125
          jacobian-init  7-layer MLP: Jacobian singular values at initialisation, 4 activations x 12 densities
        The full grids take hours to days on a CPU; --quick runs each at smoke-test size on the embedded
        MNIST sample (two seeds, uniform and snip masks, two epochs, 100 AI iterations).

        Examples:
          eoi experiment jacobian-init --quick
          eoi experiment mlp7-fashion -o experiments/fashion
          eoi experiment mlp7-mnist --device cuda
        """;

    public static Command Create(IAnsiConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The grid: " + string.Join(", ", ExperimentCatalog.Names) + "." };
        name.AcceptOnlyFromAmong([.. ExperimentCatalog.Names]);
        var quick = new Option<bool>("--quick") { Description = "Smoke-test size (see above)." };
        var output = new Option<string>("--output", "-o") { HelpName = "DIR", Description = "Where to write the results. Default: ./experiments/NAME (NAME-quick with --quick)." };
        var device = TrainBackend.DeviceOption();
        var command = new Command("experiment", Description) { name, quick, output, device };
        command.SetAction(parsed =>
        {
            var grid = ExperimentCatalog.Get(parsed.GetRequiredValue(name), parsed.GetValue(quick));
            string directory = parsed.GetValue(output) ?? Path.Combine("experiments", grid.Name + (parsed.GetValue(quick) ? "-quick" : ""));
            var backend = TrainBackend.Open(parsed, device);
            // The CPU backend holds nothing to free; the CUDA one holds its context, stream and library handles.
            using var ownedBackend = backend as IDisposable;
            console.WriteLine($"{grid.Name}: {grid.Description}");
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{grid.RunCount} runs ({grid.Cells().Count} cells x {grid.Seeds.Count} seeds) on {backend.Name}, writing to {directory}"));
            var clock = Stopwatch.StartNew();
            var result = ExperimentRunner.Run(grid, backend, directory, new SynchronousProgress<ExperimentProgress>(p =>
            {
                if (p.Completed is { } run) console.WriteLine(RunLine(p, run, grid.Measure));
            }));
            result.Write(directory);
            console.WriteLine();
            console.Write(new Text(result.MarkdownTable()));
            foreach (string file in new[] { ExperimentResult.RunsFile, ExperimentResult.SummaryFile, ExperimentResult.TableFile })
                console.WriteLine($"wrote {Path.Combine(directory, file)}");
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done in {clock.Elapsed.TotalSeconds:F1} s"));
            return ExitCodes.Success;
        });
        return command;
    }

    static string RunLine(ExperimentProgress p, ExperimentRun run, ExperimentMeasure measure)
    {
        string value = measure == ExperimentMeasure.FinalTestAccuracy
            ? FormattableString.Invariant($"test accuracy {100 * run.Value:F2}%")
            : FormattableString.Invariant($"Jacobian s mean {run.Value:G4}, var {run.Jacobian!.Variance:G3}");
        return FormattableString.Invariant($"[{p.Run}/{p.Runs}] {p.Cell.Label} seed {p.Seed}: {value}, density {run.RealisedDensity:F4} ({run.Seconds:F1} s)");
    }
}
