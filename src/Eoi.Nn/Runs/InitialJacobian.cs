using Eoi.Backends;
using Eoi.Core;
using Eoi.Data;
using Eoi.Nn.Analysis;
using Eoi.Nn.Models;
using Eoi.Nn.Setup;

namespace Eoi.Nn.Runs;

/// <summary>The input-output Jacobian's singular values right after initialisation, on the batch the trainer
/// would measure first (batch 0 of epoch 1), without training: the dynamical-isometry measurement of paper.md §6.1.</summary>
public static class InitialJacobian
{
    /// <param name="backend">Where the network is built; the caller owns (and disposes) it.</param>
    public static SpectrumStats Measure(RunConfiguration configuration, IBackend backend, TrainValidationTest data)
    {
        Guard.NotNull(configuration, nameof(configuration));
        Guard.NotNull(backend, nameof(backend));
        Guard.NotNull(data, nameof(data));
        var spec = configuration.SpecFor(data.Train);
        using var model = ModelFactory.Build(backend, spec);
        NetworkInitializer.Initialize(model, spec, configuration.Init, configuration.Training.Seed, data.Train);
        var batch = MiniBatches.ForEpoch(data.Train, configuration.Training.BatchSize, configuration.Training.Seed, 0).First();
        return SpectrumStats.Of(InputOutputJacobian.SingularValuesOf(model, batch.Inputs, batch.Shape));
    }
}
