using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Eoi.Core;
using Eoi.Core.Backend;
using Eoi.Data;
using Eoi.Nn.Analysis;
using Eoi.Nn.Runs;
using Eoi.Nn.Training;

namespace Eoi.Nn.Experiments;

/// <summary>Runs every cell x seed of a grid in a fixed order, sharing the loaded data, and summarises them.</summary>
public static class ExperimentRunner
{
    /// <param name="backend">Where every run's network lives; the caller owns (and disposes) it.</param>
    /// <param name="outputDirectory">Each run writes its files into runs/NNN-label/ here; null for no files.</param>
    /// <param name="resume">Continue a grid that stopped part way (killed, or cancelled) in <paramref name="outputDirectory"/>:
    /// a run whose run.json is there is read back instead of repeated, a run with only a checkpoint continues
    /// from it (to the same final bits as an uninterrupted run), the others run as usual. A run.json written for
    /// another configuration is an error, so two grids never mix in one directory.</param>
    public static ExperimentResult Run(ExperimentGrid grid, IBackend backend, string? outputDirectory = null,
                                       IProgress<ExperimentProgress>? progress = null, CancellationToken cancellation = default,
                                       bool resume = false)
    {
        Guard.NotNull(grid, nameof(grid));
        Guard.NotNull(backend, nameof(backend));
        if (resume && outputDirectory is null)
            throw new EoiArgumentException(nameof(outputDirectory), "resuming a grid needs the output directory it wrote to");
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
                var run = (resume ? ReadFinished(configuration, cell, seed) : null)
                    ?? Execute(grid.Measure, configuration, backend, cell, seed, data,
                        progress is null ? null : new SynchronousProgress<TrainingProgress>(p => progress.Report(new ExperimentProgress(number, total, cell, seed, p))),
                        resume ? Checkpoint(configuration) : null, cancellation);
                runs.Add(run);
                progress?.Report(new ExperimentProgress(number, total, cell, seed, Completed: run));
            }
        return new ExperimentResult(grid, runs, ExperimentData.Of(data));
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
            final.TestLoss, final.ValidationAccuracy, outcome.InitialJacobian);
    }

    /// <summary>The finished run in the configuration's directory, read back from its run.json (training grids
    /// only: a Jacobian at initialisation is quicker to measure again than to store); null when there is none.</summary>
    static ExperimentRun? ReadFinished(RunConfiguration configuration, ExperimentCell cell, ulong seed)
    {
        string path = Path.Combine(configuration.OutputDirectory!, RunFiles.Summary);
        if (!File.Exists(path)) return null;
        var saved = JsonNode.Parse(File.ReadAllText(path)) ?? throw new EoiFormatException(path, "empty run summary");
        if (!JsonNode.DeepEquals(Comparable(saved["configuration"]), Comparable(JsonSerializer.SerializeToNode(configuration, JsonFormat.Options))))
            throw new EoiArgumentException("resume", $"{path} was written for another configuration than this grid's {cell.Label} seed {seed}; resume with the settings that wrote it, or use a new output directory");
        var history = saved["history"]?.AsArray() is { Count: > 0 } epochs ? epochs : throw new EoiFormatException(path, "no epochs in its history");
        var final = history[^1]!;
        double seconds = saved["initSeconds"]!.GetValue<double>() + history.Sum(epoch => epoch!["seconds"]!.GetValue<double>());
        return new ExperimentRun(cell, seed, final["testAccuracy"]!.GetValue<double>(), saved["globalDensity"]!.GetValue<double>(), seconds,
            final["testLoss"]!.GetValue<double>(), final["validationAccuracy"]!.GetValue<double>(),
            saved["initialJacobian"].Deserialize<SpectrumStats>(JsonFormat.Options));
    }

    /// <summary>A configuration as JSON without where its files went, which may be spelled differently on resume.</summary>
    static JsonNode? Comparable(JsonNode? configuration)
    {
        if (configuration is JsonObject fields) fields.Remove("outputDirectory");
        return configuration;
    }

    /// <summary>The checkpoint an interrupted run left, if any.</summary>
    static string? Checkpoint(RunConfiguration configuration)
    {
        string path = Path.Combine(configuration.OutputDirectory!, RunFiles.Checkpoint);
        return File.Exists(path) ? path : null;
    }

    static string? RunDirectory(string? root, int number, ExperimentCell cell, ulong seed) =>
        root is null ? null : Path.Combine(root, "runs", string.Create(CultureInfo.InvariantCulture, $"{number:D3}-{Slug(cell.Label)}-seed{seed}"));

    static string Slug(string label) =>
        new([.. label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-')]);
}
