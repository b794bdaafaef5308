using System.Diagnostics;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Data;
using Eoi.Nn.Runs;
using Eoi.Nn.Training;

namespace Eoi.Nn.Experiments;

/// <summary>Runs every cell x seed of a grid (or of one shard of it) in a fixed order, sharing the loaded data, and summarises them.</summary>
public static class ExperimentRunner
{
    /// <summary>The folder under the output directory that holds one folder per run, named <see cref="GridRun.Name"/>.</summary>
    public const string RunsFolder = "runs";

    /// <param name="backend">Where every run's network lives; the caller owns (and disposes) it.</param>
    /// <param name="outputDirectory">Each run writes its files into runs/NAME/ here, result.json last; null for no files.</param>
    /// <param name="resume">Continue a grid that stopped part way (killed, or cancelled) in <paramref name="outputDirectory"/>:
    /// a run whose result.json is there is read back instead of repeated, a run with only a checkpoint continues
    /// from it (to the same final bits as an uninterrupted run), the others run as usual. A result.json written for
    /// another configuration or by other code is an error, so two grids never mix in one directory.</param>
    /// <param name="shard">Run only this part of the grid; null for all of it.</param>
    public static ExperimentResult Run(ExperimentGrid grid, IBackend backend, string? outputDirectory = null,
                                       IProgress<ExperimentProgress>? progress = null, CancellationToken cancellation = default,
                                       bool resume = false, ExperimentShard? shard = null)
    {
        Guard.NotNull(grid, nameof(grid));
        Guard.NotNull(backend, nameof(backend));
        if (resume && outputDirectory is null)
            throw new EoiArgumentException(nameof(outputDirectory), "resuming a grid needs the output directory it wrote to");
        var data = TrainingRun.LoadData(grid.Base);
        var summary = ExperimentData.Of(data);
        var todo = shard is null ? grid.Runs() : shard.RunsOf(grid);
        var runs = new List<ExperimentRun>();
        for (int index = 0; index < todo.Count; index++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (gridRun, number, total) = (todo[index], index + 1, todo.Count);
            var (cell, seed) = (gridRun.Cell, gridRun.Seed);
            progress?.Report(new ExperimentProgress(number, total, cell, seed));
            string? directory = outputDirectory is null ? null : Path.Combine(outputDirectory, RunsFolder, gridRun.Name);
            var configuration = grid.ConfigurationFor(cell, seed) with { OutputDirectory = directory };
            var run = resume ? ReadFinished(directory!, configuration, gridRun) : null;
            if (run is null)
            {
                run = Execute(grid.Measure, configuration, backend, cell, seed, data,
                    progress is null ? null : new SynchronousProgress<TrainingProgress>(p => progress.Report(new ExperimentProgress(number, total, cell, seed, p))),
                    resume ? Checkpoint(directory!) : null, cancellation);
                if (directory is not null) RunRecord.Of(grid, gridRun, configuration, run, summary).Write(directory, configuration);
            }
            runs.Add(run);
            progress?.Report(new ExperimentProgress(number, total, cell, seed, Completed: run));
        }
        return new ExperimentResult(grid, runs, summary);
    }

    static ExperimentRun Execute(ExperimentMeasure measure, RunConfiguration configuration, IBackend backend, ExperimentCell cell, ulong seed,
                                 TrainValidationTest data, IProgress<TrainingProgress>? progress, string? resumeFrom, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        if (measure == ExperimentMeasure.JacobianAtInit)
        {
            var jacobian = InitialJacobian.Measure(configuration, backend, data);
            return new ExperimentRun(cell, seed, jacobian.Mean, cell.Density, clock.Elapsed.TotalSeconds, Jacobian: jacobian);
        }
        var outcome = TrainingRun.Execute(configuration, backend, progress, data, resumeFrom, cancellation);
        var final = outcome.Training.Final;
        return new ExperimentRun(cell, seed, final.TestAccuracy, outcome.GlobalDensity, clock.Elapsed.TotalSeconds,
            final.TestLoss, final.ValidationAccuracy, outcome.InitialJacobian, [.. outcome.Training.History.Select(m => m.TestAccuracy)]);
    }

    /// <summary>The finished run in <paramref name="directory"/>, read back from its result.json; null when it has none.</summary>
    static ExperimentRun? ReadFinished(string directory, RunConfiguration configuration, GridRun run)
    {
        if (RunRecord.Read(directory) is not { } record) return null;
        return record.MismatchWith(configuration) is { } problem
            ? throw new EoiArgumentException("resume", $"{Path.Combine(directory, RunRecord.FileName)} ({run.Cell.Label} seed {run.Seed}) was {problem}; resume with the settings and build that wrote it, or use a new output directory")
            : record.ToRun(run);
    }

    /// <summary>The checkpoint an interrupted run left, if any.</summary>
    static string? Checkpoint(string directory)
    {
        string path = Path.Combine(directory, RunFiles.Checkpoint);
        return File.Exists(path) ? path : null;
    }
}
