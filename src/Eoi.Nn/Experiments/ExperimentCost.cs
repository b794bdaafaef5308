using Eoi.Sparsity;

namespace Eoi.Nn.Experiments;

/// <summary>
/// A run's expected cost, for balancing shards: in units of one epoch of one sparse layer, so that only ratios
/// matter. The ratios were measured on the 1000-layer MLP (width 128, 7,200 training samples, one CPU thread;
/// docs/RESULTS.md): an epoch of the sparse network took about 5.5 s, of the dense one 9.5 s, and Approximate
/// Isometry's 1,000 iterations about 100 s per network. The model leaves out what does not differ between the
/// runs of one grid (the data loaded once per process, the EOI or SAO construction, a few seconds at most) and
/// the data size (the same for every run of a grid, so it only shifts the weight of AI against training).
/// </summary>
public static class ExperimentCost
{
    /// <summary>A dense layer-epoch against a sparse one: 9.5 s / 5.5 s.</summary>
    const double DenseEpochRatio = 9.5 / 5.5;

    /// <summary>One AI iteration on one layer against a sparse layer-epoch: (100 s / 1,000 iterations / 1,000 layers) / (5.5 s / 1,000 layers).</summary>
    const double AiIterationRatio = 100.0 / 1000 / 5.5;

    /// <summary>Building the network and measuring it once (the Jacobian grid's whole run, a training run's
    /// epoch-0 evaluation), counted as one sparse layer-epoch per layer.</summary>
    const double SetupRatio = 1;

    public static double Of(ExperimentGrid grid, ExperimentCell cell)
    {
        Core.Guard.NotNull(grid, nameof(grid));
        Core.Guard.NotNull(cell, nameof(cell));
        var run = grid.Base;
        double perLayer = SetupRatio;
        if (grid.Measure == ExperimentMeasure.FinalTestAccuracy)
            perLayer += run.Training.Epochs * (cell.IsDense ? DenseEpochRatio : 1);
        if (cell.Arm == ExperimentArm.MaskScheme && cell.Scheme == InitScheme.ApproximateIsometry)
            perLayer += run.Init.Options.ApproximateIsometry.Iterations * AiIterationRatio;
        return run.Depth * perLayer;
    }
}
