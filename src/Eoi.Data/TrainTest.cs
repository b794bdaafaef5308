namespace Eoi.Data;

/// <summary>A data source's official training and test sets; <paramref name="PaddedFrom"/> is the stored
/// [channels, height, width] when the images were zero-padded on loading, else null.</summary>
public sealed record TrainTest(string Source, Dataset Train, Dataset Test, int[]? PaddedFrom = null)
{
    /// <summary>Holds the last <paramref name="fraction"/> of the training set out for validation
    /// (<see cref="ValidationSplit"/>); the test set is untouched.</summary>
    public TrainValidationTest SplitValidation(double fraction = ValidationSplit.AuthorsFraction)
    {
        var (train, validation) = ValidationSplit.Split(Train, fraction);
        return new TrainValidationTest(Source, train, validation, Test, PaddedFrom);
    }

    /// <summary>All sets as N x features (for MLPs).</summary>
    public TrainTest Flatten() => this with { Train = Train.Flatten(), Test = Test.Flatten() };
}

/// <summary>Training, validation and test sets, as the authors' experiments use them; <paramref name="PaddedFrom"/>
/// as in <see cref="TrainTest"/>.</summary>
public sealed record TrainValidationTest(string Source, Dataset Train, Dataset Validation, Dataset Test, int[]? PaddedFrom = null)
{
    /// <summary>"1 x 28 x 28 zero-padded to 1 x 32 x 32", or "1 x 28 x 28" when not padded.</summary>
    public string ImageDescription => PaddedFrom is null
        ? string.Join(" x ", Train.SampleShape)
        : $"{string.Join(" x ", PaddedFrom)} zero-padded to {string.Join(" x ", Train.SampleShape)}";
}
