using Eoi.Nn.Analysis;

namespace Eoi.Nn.Training;

/// <summary>
/// What one epoch produced (epochs count from 1). Train loss and accuracy are averaged over the epoch's
/// batches as they were trained (weighted by batch size), the others measured on the whole set after the
/// epoch in evaluation mode. Validation values are NaN when there is no validation set.
/// </summary>
public sealed record EpochMetrics(
    int Epoch,
    double LearningRate,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    double TestLoss,
    double TestAccuracy,
    double Seconds,
    double SamplesPerSecond,
    SpectrumStats? Jacobian = null);
