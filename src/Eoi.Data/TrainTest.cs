using Eoi.Core;

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

    /// <summary>The first <paramref name="trainExamples"/> training and first <paramref name="testExamples"/> test
    /// examples (null keeps a set whole): a stated reduction of a run too long on the full sets. At least two
    /// training examples, so that the validation split leaves one on each side.</summary>
    public TrainTest Take(int? trainExamples, int? testExamples)
    {
        if (trainExamples is int train) Guard.InRange(train, 2, Train.Count, nameof(trainExamples));
        if (testExamples is int test) Guard.InRange(test, 1, Test.Count, nameof(testExamples));
        return this with
        {
            Train = trainExamples is int n && n < Train.Count ? Train.Slice(0, n, Train.Name) : Train,
            Test = testExamples is int m && m < Test.Count ? Test.Slice(0, m, Test.Name) : Test,
        };
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
