using System.Text.Json.Serialization;
using Eoi.Core;

namespace Eoi.Nn.Training;

/// <summary>
/// The training pipeline of paper.md §5: SGD with Nesterov momentum 0.9 and L2 weight decay, learning rate
/// ×0.1 at epochs ⌊E/2⌋ and ⌊3E/4⌋ (counted from 0; for E &lt; 4 moved to max(1, ⌊E/2⌋) and the epoch after it,
/// see Eoi.Autograd.Optim.MultiStepSchedule.HalfAndThreeQuarters), batches of 128. <see cref="Seed"/> fixes the batch order
/// (Eoi.Data.MiniBatches: epoch e shuffles with key Split(e) of the seed's key), the only randomness of training.
/// </summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 100;
    public double LearningRate { get; init; } = 0.01;
    public int BatchSize { get; init; } = 128;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; } = 1e-4;
    public ulong Seed { get; init; } = 1;

    /// <summary>Measure the input-output Jacobian's singular values at batch 0 of every epoch, before its
    /// step (so epoch 1 holds the value at initialisation), as the authors' --record_jacobian does.</summary>
    public bool RecordJacobian { get; init; }

    /// <summary>Where to write a checkpoint after every epoch (atomically); null for none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Where to write the network as initialised, before the first step, as a checkpoint after 0 epochs
    /// (atomically; a run started afresh only); null for none. Another implementation can train the same network
    /// from it, and --resume from it ends with the same bits as the uninterrupted run. Not serialised: where a
    /// file goes is no setting, and run records hash their settings.</summary>
    [JsonIgnore]
    public string? InitialCheckpointPath { get; init; }

    public void Validate()
    {
        Guard.Positive(Epochs, nameof(Epochs));
        Guard.InRangeExclusiveMin(LearningRate, 0, double.MaxValue, nameof(LearningRate));
        Guard.Positive(BatchSize, nameof(BatchSize));
        Guard.InRangeExclusiveMin(Momentum, 0, 1, nameof(Momentum));
        Guard.InRange(WeightDecay, 0, double.MaxValue, nameof(WeightDecay));
    }

    /// <summary>Throws unless a checkpoint written under <paramref name="saved"/> can continue under these
    /// options: everything that shapes the trajectory must be equal.</summary>
    public void RequireResumableFrom(TrainingOptions saved)
    {
        Guard.NotNull(saved, nameof(saved));
        Same(nameof(Epochs), Epochs, saved.Epochs);
        Same(nameof(LearningRate), LearningRate, saved.LearningRate);
        Same(nameof(BatchSize), BatchSize, saved.BatchSize);
        Same(nameof(Momentum), Momentum, saved.Momentum);
        Same(nameof(WeightDecay), WeightDecay, saved.WeightDecay);
        Same(nameof(Seed), Seed, saved.Seed);
        Same(nameof(RecordJacobian), RecordJacobian, saved.RecordJacobian);
    }

    static void Same<T>(string name, T current, T saved) where T : IEquatable<T>
    {
        if (!current.Equals(saved))
            throw new EoiArgumentException(name, $"{name} must equal the checkpoint's to resume ({saved}); got {current}");
    }
}
