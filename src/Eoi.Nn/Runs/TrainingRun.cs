using System.Diagnostics;
using Eoi.Core;
using Eoi.Core.Backend;
using Eoi.Data;
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
    /// <summary>The run's data as its network reads it (zero-padded to <see cref="RunConfiguration.EffectivePadTo"/>).</summary>
    public static TrainValidationTest LoadData(RunConfiguration configuration)
    {
        Guard.NotNull(configuration, nameof(configuration));
        var sets = DataSources.Load(configuration.Dataset, configuration.DataDirectory, configuration.EffectivePadTo);
        return (configuration.Model == ModelKind.Mlp ? sets.Flatten() : sets).SplitValidation();
    }

    /// <param name="backend">Where the network lives and trains; the caller owns (and disposes) it.</param>
    /// <param name="data">Data from <see cref="LoadData"/>, to share between runs; loaded when null.</param>
    /// <param name="resumeFrom">A checkpoint of this configuration to continue from.</param>
    public static RunOutcome Execute(RunConfiguration configuration, IBackend backend, IProgress<TrainingProgress>? progress = null,
                                     TrainValidationTest? data = null, string? resumeFrom = null, CancellationToken cancellation = default)
    {
        Guard.NotNull(configuration, nameof(configuration));
        Guard.NotNull(backend, nameof(backend));
        configuration.Training.Validate();
        data ??= LoadData(configuration);
        var spec = configuration.SpecFor(data.Train);
        using var model = ModelFactory.Build(backend, spec);

        var clock = Stopwatch.StartNew();
        // A resumed run takes every weight and mask from the checkpoint, so the (possibly slow) init is skipped.
        if (resumeFrom is null)
            NetworkInitializer.Initialize(model, spec, configuration.Init, configuration.Training.Seed, data.Train);
        double initSeconds = clock.Elapsed.TotalSeconds;
        var initialSpectra = configuration.AnalyzeLayers && resumeFrom is null ? LayerSpectrum.OfAll(model) : [];

        string? output = configuration.OutputDirectory is { } dir ? Directory.CreateDirectory(dir).FullName : null;
        var options = configuration.Training with { CheckpointPath = output is null ? null : Path.Combine(output, RunFiles.Checkpoint) };
        var training = new Trainer(model, data, options).Run(progress, resumeFrom, cancellation);
        var finalSpectra = configuration.AnalyzeLayers ? LayerSpectrum.OfAll(model) : [];

        var outcome = new RunOutcome(configuration, Densities(model), initSeconds, training.History[0].Jacobian,
            initialSpectra, finalSpectra, training);
        if (output is not null) Write(output, outcome);
        return outcome;
    }

    static List<LayerDensity> Densities(Module model) =>
        [.. model.WeightLayers().Select(l =>
        {
            long trainable = l.Layer.NonZeroWeights;
            return new LayerDensity(l.Path, string.Join(" x ", l.Spec.Shape), l.Spec.Count, trainable, trainable / (double)l.Spec.Count);
        })];

    static void Write(string directory, RunOutcome outcome)
    {
        MetricsFiles.WriteHistoryCsv(Path.Combine(directory, RunFiles.Metrics), outcome.Training.History);
        MetricsFiles.WriteSpectraCsv(Path.Combine(directory, RunFiles.Spectra),
            outcome.InitialSpectra.Select(s => ("init", s)).Concat(outcome.FinalSpectra.Select(s => ("final", s))));
        MetricsFiles.WriteJson(Path.Combine(directory, RunFiles.Summary), new
        {
            outcome.Configuration,
            outcome.GlobalDensity,
            outcome.Densities,
            outcome.InitSeconds,
            outcome.InitialJacobian,
            outcome.InitialSpectra,
            outcome.FinalSpectra,
            outcome.Training.History,
        });
    }
}
