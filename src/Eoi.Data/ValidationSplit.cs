using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// The authors' validation split: with valid_split = 0.1 their loaders (sparselearning's DatasetSplitter)
/// keep the first floor((1 − 0.1)·N) training examples for training and hold out the rest, i.e. the last
/// 10 %, for validation. No shuffling, so the split depends on nothing but N.
/// </summary>
public static class ValidationSplit
{
    public const double AuthorsFraction = 0.1;

    /// <summary>floor((1 − fraction)·count), evaluated in float64 as Python does.</summary>
    public static int TrainCount(int count, double fraction)
    {
        Guard.InRange(count, 0, int.MaxValue, nameof(count));
        Guard.InRange(fraction, 0.0, 1.0, nameof(fraction));
        return (int)Math.Floor((1.0 - fraction) * count);
    }

    public static (Dataset Train, Dataset Validation) Split(Dataset train, double fraction = AuthorsFraction)
    {
        Guard.NotNull(train, nameof(train));
        int kept = TrainCount(train.Count, fraction);
        return (train.Slice(0, kept, train.Name), train.Slice(kept, train.Count - kept, ValidationName(train.Name)));
    }

    /// <summary>"mnist/train" becomes "mnist/validation".</summary>
    static string ValidationName(string trainName) =>
        trainName.EndsWith("/train", StringComparison.Ordinal) ? trainName[..^"train".Length] + "validation" : trainName + "/validation";
}
