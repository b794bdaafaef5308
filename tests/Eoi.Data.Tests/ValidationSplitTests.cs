namespace Eoi.Data.Tests;

public class ValidationSplitTests
{
    [Theory]
    [InlineData(60000, 54000)]
    [InlineData(50000, 45000)]
    [InlineData(8000, 7200)]
    [InlineData(3000, 2700)]
    [InlineData(15, 13)]   // floor(13.5): the remainder goes to validation, as in the authors' loaders
    [InlineData(1, 0)]
    public void KeepsFloorOfNinetyPercentForTraining(int count, int train)
    {
        Assert.Equal(train, ValidationSplit.TrainCount(count, ValidationSplit.AuthorsFraction));
    }

    [Fact]
    public void TheValidationSetIsTheLastTenPercentOfTheTrainingSet()
    {
        Dataset full = Datasets.Counting(20);
        var (train, validation) = ValidationSplit.Split(full);

        Assert.Equal((18, 2), (train.Count, validation.Count));
        Assert.Equal(Enumerable.Range(0, 18).Select(i => i % 10), train.Labels.ToArray());
        Assert.Equal([8, 9], validation.Labels.ToArray());
        Assert.Equal(19f, validation.Input(1)[0]);
        Assert.Equal("toy/validation", validation.Name);
        Assert.Equal("toy/train", train.Name);
    }

    [Fact]
    public void SplitValidationLeavesTheTestSetAlone()
    {
        var data = new TrainTest("toy", Datasets.Counting(30), Datasets.Counting(5));
        TrainValidationTest split = data.SplitValidation();
        Assert.Equal((27, 3, 5), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.Same(data.Test, split.Test);
    }

    [Fact]
    public void TakeKeepsTheFirstExamplesThenTheSplitTakesTheLastTenPercentOfThose()
    {
        var data = new TrainTest("toy", Datasets.Counting(30), Datasets.Counting(8)).Take(20, 5);
        TrainValidationTest split = data.SplitValidation();
        Assert.Equal((18, 2, 5), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.Equal([8, 9], split.Validation.Labels.ToArray());
        Assert.Equal([0, 1, 2, 3, 4], split.Test.Labels.ToArray());
    }

    [Fact]
    public void TakeWithNoLimitsOrTheWholeCountKeepsTheSets()
    {
        var data = new TrainTest("toy", Datasets.Counting(30), Datasets.Counting(8));
        Assert.Same(data.Train, data.Take(null, 8).Train);
        Assert.Same(data.Test, data.Take(30, null).Test);
    }

    [Theory]
    [InlineData(1, null, "trainExamples")]
    [InlineData(31, null, "trainExamples")]
    [InlineData(null, 0, "testExamples")]
    [InlineData(null, 9, "testExamples")]
    public void TakeRefusesCountsOutsideTheSets(int? train, int? test, string parameter)
    {
        var data = new TrainTest("toy", Datasets.Counting(30), Datasets.Counting(8));
        var error = Assert.Throws<Eoi.Core.EoiArgumentException>(() => data.Take(train, test));
        Assert.Equal(parameter, error.ParameterName);
    }
}
