namespace Eoi.Data;

/// <summary>A data source's official training and test sets.</summary>
public sealed record TrainTest(string Source, Dataset Train, Dataset Test)
{
    /// <summary>Holds the last <paramref name="fraction"/> of the training set out for validation
    /// (<see cref="ValidationSplit"/>); the test set is untouched.</summary>
    public TrainValidationTest SplitValidation(double fraction = ValidationSplit.AuthorsFraction)
    {
        var (train, validation) = ValidationSplit.Split(Train, fraction);
        return new TrainValidationTest(Source, train, validation, Test);
    }

    /// <summary>All sets as N x features (for MLPs).</summary>
    public TrainTest Flatten() => this with { Train = Train.Flatten(), Test = Test.Flatten() };
}

/// <summary>Training, validation and test sets, as the authors' experiments use them.</summary>
public sealed record TrainValidationTest(string Source, Dataset Train, Dataset Validation, Dataset Test);
