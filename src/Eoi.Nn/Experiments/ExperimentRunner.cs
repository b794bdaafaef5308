using System.Diagnostics;
using System.Globalization;
using Eoi.Core;
using Eoi.Core.Backend;
using Eoi.Data;
using Eoi.Nn.Runs;
using Eoi.Nn.Training;

namespace Eoi.Nn.Experiments;

/// <summary>Runs every cell x seed of a grid in a fixed order, sharing the loaded data, and summarises them.</summary>
public static class ExperimentRunner
{
    /// <param name="backend">Where every run's network lives; the caller owns (and disposes) it.</param>
    /// <param name="outputDirectory">Each run writes its files into runs/NNN-label/ here; null for no files.</param>
    public static ExperimentResult Run(ExperimentGrid grid, IBackend backend, string? outputDirectory = null,
                                       IProgress<ExperimentProgress>? progress = null, CancellationToken cancellation = default)
    {
        Guard.NotNull(grid, nameof(grid));
        Guard.NotNull(backend, nameof(backend));
        var data = TrainingRun.LoadData(grid.Base);
        var runs = new List<ExperimentRun>();
        int index = 0, total = grid.RunCount;
        foreach (var cell in grid.Cells())
            foreach (ulong seed in grid.Seeds)
            {
                cancellation.ThrowIfCancellationRequested();
                int number = ++index;
                progress?.Report(new ExperimentProgress(number, total, cell, seed));
                var configuration = grid.ConfigurationFor(cell, seed) with { OutputDirectory = RunDirectory(outputDirectory, number, cell, seed) };
                var run = Execute(grid.Measure, configuration, backend, cell, seed, data,
                    progress is null ? null : new SynchronousProgress<TrainingProgress>(p => progress.Report(new ExperimentProgress(number, total, cell, seed, p))), cancellation);
                runs.Add(run);
                progress?.Report(new ExperimentProgress(number, total, cell, seed, Completed: run));
            }
        return new ExperimentResult(grid, runs, ExperimentData.Of(data));
    }

    static ExperimentRun Execute(ExperimentMeasure measure, RunConfiguration configuration, IBackend backend, ExperimentCell cell, ulong seed,
                                 TrainValidationTest data, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        if (measure == ExperimentMeasure.JacobianAtInit)
        {
            var jacobian = InitialJacobian.Measure(configuration, backend, data);
            return new ExperimentRun(cell, seed, jacobian.Mean, cell.Density, clock.Elapsed.TotalSeconds, Jacobian: jacobian);
        }
        var outcome = TrainingRun.Execute(configuration, backend, progress, data, cancellation: cancellation);
        var final = outcome.Training.Final;
        return new ExperimentRun(cell, seed, final.TestAccuracy, outcome.GlobalDensity, clock.Elapsed.TotalSeconds,
            final.TestLoss, final.ValidationAccuracy, outcome.InitialJacobian);
    }

    static string? RunDirectory(string? root, int number, ExperimentCell cell, ulong seed) =>
        root is null ? null : Path.Combine(root, "runs", string.Create(CultureInfo.InvariantCulture, $"{number:D3}-{Slug(cell.Label)}-seed{seed}"));

    static string Slug(string label) =>
        new([.. label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-')]);
}
