namespace Eoi.Nn.Training;

/// <summary>
/// Reported after every training batch (running loss and accuracy of the epoch so far) and once more when an
/// epoch's evaluation is done, with <see cref="Completed"/> set. Epochs and batches count from 1.
/// </summary>
public sealed record TrainingProgress(
    int Epoch,
    int Epochs,
    int Batch,
    int Batches,
    double Loss,
    double Accuracy,
    double SamplesPerSecond,
    EpochMetrics? Completed = null);
