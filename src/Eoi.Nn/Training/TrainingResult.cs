namespace Eoi.Nn.Training;

/// <summary>Every epoch's metrics, including those restored from a checkpoint when the run was resumed.</summary>
public sealed record TrainingResult(IReadOnlyList<EpochMetrics> History, int ResumedAfterEpoch)
{
    /// <summary>The last epoch's metrics; the paper reports the final-epoch test accuracy.</summary>
    public EpochMetrics Final => History[^1];
}
