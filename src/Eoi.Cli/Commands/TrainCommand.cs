using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Eoi.Nn.Runs;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary><c>eoi train</c>: one static sparse training run, with progress, a final table, metrics and plots.</summary>
static class TrainCommand
{
    const string Description = """
        Train a network with fixed sparse masks (static sparse training as the EOI paper runs it;
        src/Eoi.Nn/README.md describes the trainer): build it, choose masks with --mask at --density, initialise with --init (base, ai or eoi), then train with
        Nesterov SGD (momentum 0.9, L2 weight decay, lr x0.1 at E/2 and 3E/4), reporting train, validation
        (last 10 % of the training set) and test loss and accuracy after every epoch. Writes metrics.csv,
        spectra.csv, run.json, a checkpoint after every epoch and PNG plots into --output. The same options
        and seed give the same bits; --resume continues an interrupted run to the same final bits.

        With no options: the paper's 7-layer tanh MLP (784-100x5-10) at density 0.1, uniform masks + EOI,
        lr 0.01 for 100 epochs on the embedded MNIST sample (under a minute on two cores).

        Examples:
          eoi train
          eoi train --mask snip --init ai --density 0.05 --epochs 50
          eoi train --dataset fashion-mnist --init base --seed 3 -o runs/fashion-base
          eoi train --model resnet --depth 32 --dataset cifar10 --mask erk --epochs 200 --device cuda
          eoi train --resume runs/mlp-7x100-uniform-eoi-d0.1-seed1/checkpoint.safetensors
        """;

    /// <summary>128 + SIGINT, the shell's code for a run stopped by Ctrl-C.</summary>
    const int Interrupted = 130;

    public static Command Create(IAnsiConsole console)
    {
        var arguments = new TrainArguments();
        var command = new Command("train", Description);
        foreach (var option in arguments.All) command.Options.Add(option);
        command.SetAction(parsed =>
        {
            var configuration = arguments.Configuration(parsed);
            string? resume = arguments.Resume(parsed);
            var clock = Stopwatch.StartNew();
            var backend = arguments.OpenBackend(parsed);
            // The CPU backend holds nothing to free; the CUDA one holds its context, stream and library handles.
            using var ownedBackend = backend as IDisposable;
            var data = arguments.NamingOptions(() => TrainingRun.LoadData(configuration));
            var t = configuration.Training;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"training {configuration.ModelDescription} on {configuration.Dataset} ({data.Train.Count} train / {data.Validation.Count} validation / {data.Test.Count} test)"));
            console.WriteLine($"images {data.ImageDescription}");
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{configuration.InitDescription}; {t.Epochs} epochs, lr {t.LearningRate}, batch {t.BatchSize}, weight decay {t.WeightDecay}, seed {t.Seed}, {backend.Name}"));
            if (resume is not null && !File.Exists(resume))
            {
                // A run killed before its first epoch ended has no checkpoint yet: the same command starts it over.
                console.WriteLine($"no checkpoint at {resume} yet (the run stopped before its first epoch ended); starting over");
                resume = null;
            }
            console.WriteLine(resume is null ? "initialising..." : $"resuming from {resume}");

            using var cancellation = new CancellationTokenSource();
            ConsoleCancelEventHandler stop = (_, e) =>
            {
                e.Cancel = true;
                cancellation.Cancel();
            };
            Console.CancelKeyPress += stop;
            try
            {
                var outcome = TrainProgressView.Run(console, "training",
                    progress => TrainingRun.Execute(configuration, backend, progress, data, resume, cancellation.Token));
                string directory = configuration.OutputDirectory!;
                var phase = Stopwatch.StartNew();
                IReadOnlyList<string> records = configuration.SaveInitialCheckpoint && resume is null ? [.. RunFiles.Records, RunFiles.InitialCheckpoint] : RunFiles.Records;
                var files = records.Select(f => Path.Combine(directory, f)).Concat(TrainPlots.Write(directory, outcome)).ToList();
                double plotSeconds = phase.Elapsed.TotalSeconds;
                phase.Restart();
                TrainReport.Render(console, outcome, files);
                var timings = outcome.Timings;
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"done in {clock.Elapsed.TotalSeconds:F1} s: init {outcome.InitSeconds:F1}, spectra {timings.InitialSpectra:F1} + {timings.FinalSpectra:F1}, epochs {timings.Training:F1}, files {timings.Files:F1}, plots {plotSeconds:F1}, tables {phase.Elapsed.TotalSeconds:F1}"));
                return ExitCodes.Success;
            }
            catch (OperationCanceledException)
            {
                console.WriteLine($"interrupted; continue with the same options and --resume {Path.Combine(configuration.OutputDirectory!, RunFiles.Checkpoint)}");
                return Interrupted;
            }
            finally
            {
                Console.CancelKeyPress -= stop;
            }
        });
        return command;
    }
}
