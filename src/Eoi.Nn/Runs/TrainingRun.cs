using System.Diagnostics;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Data;
using Eoi.IO;
using Eoi.Nn.Analysis;
using Eoi.Nn.Models;
using Eoi.Nn.Modules;
using Eoi.Nn.Setup;
using Eoi.Nn.Training;

namespace Eoi.Nn.Runs;

/// <summary>
/// Runs a <see cref="RunConfiguration"/>: loads the data (flattened for an MLP, the last 10 % of the training set
/// held out for validation), builds and initialises the network, measures its spectra, trains it, measures
/// again and writes <see cref="RunFiles"/> into the output directory.
/// </summary>
public static class TrainingRun
{
    /// <summary>The run's data as its network reads it (zero-padded to <see cref="RunConfiguration.EffectivePadTo"/>),
    /// cut to <see cref="RunConfiguration.TrainExamples"/> and <see cref="RunConfiguration.TestExamples"/>.</summary>
    public static TrainValidationTest LoadData(RunConfiguration configuration)
    {
        Guard.NotNull(configuration, nameof(configuration));
        var sets = DataSources.Load(configuration.Dataset, configuration.DataDirectory, configuration.EffectivePadTo)
            .Take(configuration.TrainExamples, configuration.TestExamples);
        return (configuration.Model == ModelKind.Mlp ? sets.Flatten() : sets).SplitValidation();
    }

    /// <param name="backend">Where the network lives and trains; the caller owns (and disposes) it.</param>
    /// <param name="data">Data from <see cref="LoadData"/>, to share between runs; loaded when null.</param>
    /// <param name="resumeFrom">A checkpoint of this configuration to continue from. The spectra measured at
    /// initialisation travel in every checkpoint, so a resumed run reports and writes them as an uninterrupted one.</param>
    public static RunOutcome Execute(RunConfiguration configuration, IBackend backend, IProgress<TrainingProgress>? progress = null,
                                     TrainValidationTest? data = null, string? resumeFrom = null, CancellationToken cancellation = default)
    {
        Guard.NotNull(configuration, nameof(configuration));
        Guard.NotNull(backend, nameof(backend));
        configuration.Training.Validate();
        data ??= LoadData(configuration);
        var spec = configuration.SpecFor(data.Train);
        using var model = ModelFactory.Build(backend, spec);
        string? output = configuration.OutputDirectory is { } dir ? Directory.CreateDirectory(dir).FullName : null;
        if (output is not null) RemoveAbandonedWrites(output);

        var clock = Stopwatch.StartNew();
        var checkpoint = resumeFrom is null ? null : Checkpoint.Read(resumeFrom);
        // A resumed run takes every weight and mask from the checkpoint, so the (possibly slow) init is skipped.
        if (checkpoint is null)
            NetworkInitializer.Initialize(model, spec, configuration.Init, configuration.Training.Seed, data.Train);
        double initSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var initialSpectra = !configuration.AnalyzeLayers ? []
            : checkpoint is null ? LayerSpectrum.OfAll(model)
            : InitialSpectra.FromAttachments(checkpoint.Attachments, model.WeightLayers());
        double initialSpectraSeconds = clock.Elapsed.TotalSeconds;

        var options = configuration.Training with
        {
            CheckpointPath = output is null ? null : Path.Combine(output, RunFiles.Checkpoint),
            InitialCheckpointPath = output is null || !configuration.SaveInitialCheckpoint ? null : Path.Combine(output, RunFiles.InitialCheckpoint),
        };
        clock.Restart();
        var training = new Trainer(model, data, options) { Attachments = InitialSpectra.ToAttachments(initialSpectra) }
            .Run(progress, checkpoint, cancellation);
        double trainingSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var finalSpectra = configuration.AnalyzeLayers ? LayerSpectrum.OfAll(model) : [];
        double finalSpectraSeconds = clock.Elapsed.TotalSeconds;

        var outcome = new RunOutcome(configuration, Densities(model), initSeconds, training.History[0].Jacobian,
            initialSpectra, finalSpectra, training)
        {
            Timings = new RunTimings(initialSpectraSeconds, trainingSeconds, finalSpectraSeconds, 0),
        };
        if (output is null) return outcome;
        clock.Restart();
        Write(output, outcome);
        return outcome with { Timings = outcome.Timings with { Files = clock.Elapsed.TotalSeconds } };
    }

    /// <summary>Temporary files of a write that a kill interrupted (the final names are never torn: see AtomicFile).</summary>
    static void RemoveAbandonedWrites(string directory)
    {
        foreach (string file in RunFiles.Written) AtomicFile.RemoveAbandoned(Path.Combine(directory, file));
    }

    static List<LayerDensity> Densities(Module model) =>
        [.. model.WeightLayers().Select(l =>
        {
            long trainable = l.Layer.NonZeroWeights;
            return new LayerDensity(l.Path, string.Join(" x ", l.Spec.Shape), l.Spec.Count, trainable, trainable / (double)l.Spec.Count);
        })];

    /// <summary>The three files are independent, so they are written at once: the run waits for the slowest
    /// (run.json, every singular value of a 1000-layer network twice), not for the sum. An error is rethrown as
    /// itself, the first file's first.</summary>
    static void Write(string directory, RunOutcome outcome) =>
        Task.WhenAll(
            Task.Run(() => MetricsFiles.WriteHistoryCsv(Path.Combine(directory, RunFiles.Metrics), outcome.Training.History)),
            Task.Run(() => MetricsFiles.WriteSpectraCsv(Path.Combine(directory, RunFiles.Spectra), [("init", outcome.InitialSpectra), ("final", outcome.FinalSpectra)])),
            Task.Run(() => MetricsFiles.WriteJson(Path.Combine(directory, RunFiles.Summary), RunSummary.Of(outcome), JsonFormat.Default.RunSummary)))
            .GetAwaiter().GetResult();
}
