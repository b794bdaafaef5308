using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Eoi.Core;
using Eoi.Nn.Experiments;
using Eoi.Nn.Training;
using Eoi.Oracle;
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
          mlp1000-mnist  1000-layer tanh MLP (width 128) on MNIST at density 0.125, plus SAO (degree 16)
                         and the dense orthogonal network
          jacobian-init  7-layer MLP: Jacobian singular values at initialisation, 4 activations x 12 densities
          cnn-deep-fashion  vanilla CNN (CifarConv 1000 x 128, tanh) on Fashion-MNIST at density 0.125:
                         base, EOI, SAO and dense delta-orthogonal
          resnet32-fashion  ResNet-32 on Fashion-MNIST, densities 0.05 and 0.1, uniform/ERK/SNIP x base/AI/EOI
          vgg16-fashion  VGG-16 (VGG-C) on Fashion-MNIST, as resnet32-fashion
        The full grids take hours to days on a CPU; --quick runs each at smoke-test size on the embedded
        MNIST sample (two seeds, uniform and snip masks, two epochs, 100 AI iterations). The options
        --seeds to --data-dir replace one setting of the grid (or of its quick size); summary.md lists the
        settings used.

        On a cluster, N processes each run one part: --shard K/N (or, without it, the part a Slurm array or
        a Kubernetes Indexed Job gives: SLURM_ARRAY_TASK_ID/_COUNT, or JOB_COMPLETION_INDEX with
        EOI_SHARD_COUNT). A shard writes only its runs (runs/NAME/ under --output, safe to share); then
        --merge DIR... gathers the finished runs of all shards into the usual summary. See docs/CLUSTER.md.

        Examples:
          eoi experiment jacobian-init --quick
          eoi experiment mlp7-fashion -o experiments/fashion
          eoi experiment mlp7-mnist --device cuda
          eoi experiment mlp7-mnist --seeds 1,2,3 --epochs 20 --masks uniform,erk --dataset mnist --data-dir data/mnist
          eoi experiment mlp7-fashion -o experiments/fashion --resume     (after the first one was stopped)
          eoi experiment mlp7-fashion --shard 2/8 -o /shared/fashion        (one of 8 processes)
          eoi experiment mlp7-fashion --merge /shared/fashion -o experiments/fashion
          eoi experiment resnet32-fashion --epochs 4 --train-examples 6000 --test-examples 2000
        """;

    /// <param name="environment">Reads an environment variable (the scheduler's array index), null when unset.</param>
    public static Command Create(IAnsiConsole console, Func<string, string?> environment)
    {
        var name = new Argument<string>("NAME") { Description = "The grid: " + string.Join(", ", ExperimentCatalog.Names) + "." };
        name.AcceptOnlyFromAmong([.. ExperimentCatalog.Names]);
        var quick = new Option<bool>("--quick") { Description = "Smoke-test size (see above)." };
        var output = new Option<string>("--output", "-o") { HelpName = "DIR", Description = "Where to write the results. Default: ./experiments/NAME (NAME-quick with --quick)." };
        var resume = new Option<bool>("--resume")
        {
            Description = "Continue a grid that stopped part way in --output (same settings): finished runs are read back from their result.json (refused when written by other settings or code), an interrupted run continues from its last checkpoint.",
        };
        var shard = CommonOptions.Optional("--shard", "K/N",
            "Run only the K-th of N parts of the grid (balanced by expected cost), writing only its runs. Default: from the environment (see above), else the whole grid.");
        var merge = new Option<string[]>("--merge")
        {
            HelpName = "DIR", AllowMultipleArgumentsPerToken = true,
            Description = "Run nothing: gather the finished runs that shards of this grid (same NAME and settings) wrote into these directories, and write the summary to --output.",
        };
        var device = TrainBackend.DeviceOption();
        var overrides = new OverrideOptions();
        var command = new Command("experiment", Description) { name, quick, output, resume, shard, merge, device };
        foreach (var option in overrides.All) command.Options.Add(option);
        command.SetAction(parsed =>
        {
            var grid = overrides.Read(parsed).ApplyTo(ExperimentCatalog.Get(parsed.GetRequiredValue(name), parsed.GetValue(quick)));
            string directory = parsed.GetValue(output) ?? Path.Combine("experiments", grid.Name + (parsed.GetValue(quick) ? "-quick" : ""));
            if (parsed.GetResult(merge) is not null)
            {
                if (parsed.GetValue(shard) is not null || parsed.GetValue(resume))
                    throw new EoiArgumentException(merge.Name, $"{merge.Name} runs nothing, so {shard.Name} and {resume.Name} do not apply to it");
                return Merge(console, grid, parsed.GetValue(merge) ?? [], directory);
            }
            var part = ShardSelection.Resolve(parsed.GetValue(shard), shard.Name, environment);
            var backend = TrainBackend.Open(parsed, device);
            // The CPU backend holds nothing to free; the CUDA one holds its context, stream and library handles.
            using var ownedBackend = backend as IDisposable;
            if (part is { } selected) console.WriteLine(ShardLine(grid, selected.Shard, selected.Source));
            console.WriteLine($"{grid.Name}: {grid.Description}");
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{grid.RunCount} runs ({grid.Cells().Count} cells x {grid.Seeds.Count} seeds) on {backend.Name}, writing to {directory}"));
            var clock = Stopwatch.StartNew();
            var result = overrides.NamingOptions(() => ExperimentRunner.Run(grid, backend, directory, new SynchronousProgress<ExperimentProgress>(p =>
            {
                if (p.Completed is { } run) console.WriteLine(RunLine(p, run, grid.Measure));
            }), resume: parsed.GetValue(resume), shard: part?.Shard));
            if (part is { } finished)
            {
                // Shards may share --output: the summary is the merge's to write, once every shard is done.
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"shard {finished.Shard} done: {result.Runs.Count} runs in {clock.Elapsed.TotalSeconds:F1} s, under {Path.Combine(directory, ExperimentRunner.RunsFolder)}"));
                console.WriteLine("when every shard is done, gather them: the same NAME and settings with --merge DIR... -o OUT");
                return ExitCodes.Success;
            }
            result.Write(directory);
            console.WriteLine();
            console.Write(new Text(result.MarkdownTable()));
            ReportWritten(console, directory, result);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done in {clock.Elapsed.TotalSeconds:F1} s"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>"shard 2/3 (SLURM_ARRAY_TASK_ID=1, _MIN=0, _STEP=1, _COUNT=3): 4 of 12 runs, 34% of expected cost".</summary>
    static string ShardLine(ExperimentGrid grid, ExperimentShard shard, string source)
    {
        double Cost(IEnumerable<GridRun> runs) => runs.Sum(run => ExperimentCost.Of(grid, run.Cell));
        var mine = shard.RunsOf(grid);
        return string.Create(CultureInfo.InvariantCulture,
            $"shard {shard} ({source}): {mine.Count} of {grid.RunCount} runs, {100 * Cost(mine) / Cost(grid.Runs()):F0}% of expected cost");
    }

    static int Merge(IAnsiConsole console, ExperimentGrid grid, IReadOnlyList<string> directories, string output)
    {
        var (result, duplicates) = ExperimentMerge.Gather(grid, directories);
        console.WriteLine($"{grid.Name}: {grid.Description}");
        console.WriteLine(FormattableString.Invariant($"merged {result.Runs.Count} of {grid.RunCount} runs from {string.Join(", ", directories)}"));
        if (duplicates > 0)
            console.WriteLine(FormattableString.Invariant($"{duplicates} runs were found again in a later directory and counted once"));
        if (result.Missing is { Count: > 0 } missing)
        {
            console.WriteLine(FormattableString.Invariant($"missing {missing.Count} of {grid.RunCount} runs (not finished in any directory):"));
            foreach (string run in missing) console.WriteLine("  " + run);
        }
        result.Write(output);
        console.WriteLine();
        console.Write(new Text(result.MarkdownTable()));
        ReportWritten(console, output, result);
        return ExitCodes.Success;
    }

    static void ReportWritten(IAnsiConsole console, string directory, ExperimentResult result)
    {
        foreach (string file in new[] { ExperimentResult.RunsFile, ExperimentResult.SummaryFile, ExperimentResult.TableFile })
            console.WriteLine($"wrote {Path.Combine(directory, file)}");
        if (ExperimentPlots.Write(directory, result) is { } plot)
            console.WriteLine($"wrote {Path.Combine(directory, ExperimentResult.EpochsFile)} and {plot}");
    }

    static string RunLine(ExperimentProgress p, ExperimentRun run, ExperimentMeasure measure)
    {
        string value = measure == ExperimentMeasure.FinalTestAccuracy
            ? FormattableString.Invariant($"test accuracy {100 * run.Value:F2}%")
            : FormattableString.Invariant($"Jacobian s mean {run.Value:G4}, var {run.Jacobian!.Variance:G3}");
        return FormattableString.Invariant($"[{p.Run}/{p.Runs}] {p.Cell.Label} seed {p.Seed}: {value}, density {run.RealisedDensity:F4} ({run.Seconds:F1} s)");
    }

    /// <summary>The options that reshape a grid; a bad value is one line naming the option, its range and the text.</summary>
    sealed class OverrideOptions
    {
        readonly Option<string> seeds = CommonOptions.Optional("--seeds", "S,S,...", "Seeds, integers in [0, 2^64-1].");
        readonly Option<string> epochs = CommonOptions.Optional("--epochs", "E", "Training epochs, an integer >= 1.");
        readonly Option<string> masks = CommonOptions.Optional("--masks", "M,M,...", "Mask methods: " + string.Join(", ", TrainVocabulary.Masks.All) + ".");
        readonly Option<string> schemes = CommonOptions.Optional("--schemes", "S,S,...", "What follows the mask: " + string.Join(", ", TrainVocabulary.Schemes.All) + ".");
        readonly Option<string> densities = CommonOptions.Optional("--densities", "D,D,...", "Global densities, each in (0, 1]; 1 is the dense network.");
        readonly Option<string> aiIterations = CommonOptions.Optional("--ai-iterations", "K", "Approximate Isometry's iterations, an integer >= 1.");
        readonly Option<string> dataset = TrainOptionValues.Dataset("Data source (sample: the embedded MNIST subset).");
        readonly Option<string> dataDirectory = CommonOptions.Optional("--data-dir", "DIR", "Where the data source lives. Default: ./data/NAME.");
        readonly Option<string> depth = CommonOptions.Optional("--depth", "N", "Network depth (as train --depth), an integer >= 1.");
        readonly Option<string> width = CommonOptions.Optional("--width", "W", "Hidden width or first-stage channels (as train --width), an integer >= 1; SAO's degree follows it (width / 8).");
        readonly ExampleCountOptions examples = new();

        public IEnumerable<Option> All => [seeds, epochs, masks, schemes, densities, aiIterations, dataset, dataDirectory, depth, width, .. examples.All];

        public ExperimentOverrides Read(ParseResult parsed) => new()
        {
            Seeds = List<ulong>(parsed, seeds, "integers in [0, 2^64-1]",
                text => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed : null),
            Epochs = Positive(parsed, epochs),
            Masks = List(parsed, masks, $"among {string.Join(", ", TrainVocabulary.Masks.All)}", text => Word(TrainVocabulary.Masks, text)),
            Schemes = List(parsed, schemes, $"among {string.Join(", ", TrainVocabulary.Schemes.All)}", text => Word(TrainVocabulary.Schemes, text)),
            Densities = List<double>(parsed, densities, "numbers in (0, 1]",
                text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d > 0 && d <= 1 ? d : null),
            AiIterations = Positive(parsed, aiIterations),
            Dataset = TrainOptionValues.Dataset(parsed, dataset),
            DataDirectory = parsed.GetValue(dataDirectory),
            Depth = Positive(parsed, depth),
            Width = Positive(parsed, width),
            TrainExamples = examples.Train(parsed),
            TestExamples = examples.Test(parsed),
        };

        /// <summary>See <see cref="ExampleCountOptions.NamingOptions{T}"/>.</summary>
        public T NamingOptions<T>(Func<T> run) => examples.NamingOptions(run);

        static int? Positive(ParseResult parsed, Option<string> option) =>
            parsed.GetValue(option) is null ? null : TrainOptionValues.Integer(parsed, option, fallback: 1, min: 1);

        static T? Word<T>(Words<T> words, string text) where T : struct, Enum => words.TryParse(text, out T value) ? value : null;

        /// <summary>A comma-separated list, every item valid and none repeated (a repeat would run the same cell twice).</summary>
        static IReadOnlyList<T>? List<T>(ParseResult parsed, Option<string> option, string expected, Func<string, T?> parse) where T : struct
        {
            if (parsed.GetValue(option) is not string text) return null;
            var items = text.Split(',', StringSplitOptions.TrimEntries).Select(parse).ToArray();
            return items.All(item => item is not null) && items.Distinct().Count() == items.Length
                ? [.. items.Select(item => item!.Value)]
                : throw new EoiArgumentException(option.Name, $"{option.Name} must be a comma-separated list of distinct {expected}; got {text}");
        }
    }
}
