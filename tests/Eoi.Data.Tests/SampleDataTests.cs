using System.Security.Cryptography;

namespace Eoi.Data.Tests;

public class SampleDataTests
{
    [Fact]
    public void TheEmbeddedBytesMatchTheRecordedChecksums()
    {
        Dictionary<string, string> recorded = SampleData.RecordedChecksums();
        foreach (string name in SampleData.FileNames)
            Assert.Equal(recorded[name], Convert.ToHexStringLower(SHA256.HashData(SampleData.Resource(name))));
        // Plus the gunzipped content of each file, which scripts/fetch-data.sh checks on rebuilds.
        Assert.Equal(2 * SampleData.FileNames.Count, recorded.Count);
    }

    [Fact]
    public void TheSampleLoadsWithTheExpectedCountsShapesAndLabels()
    {
        TrainTest sample = DataSources.Load(DataSources.Sample);

        Assert.Equal((3000, 1000), (sample.Train.Count, sample.Test.Count));
        Assert.Equal([3000, 1, 28, 28], sample.Train.Shape);
        Assert.Equal([1000, 784], sample.Test.Flatten().Shape);
        Assert.Equal(10, sample.Train.ClassCount);
        // Every digit is well represented (a uniform draw from 10,000 real digits).
        foreach (Dataset set in new[] { sample.Train, sample.Test })
        {
            int[] counts = new int[10];
            foreach (int label in set.Labels.Span)
                counts[label]++;
            Assert.All(counts, c => Assert.InRange(c, set.Count / 20, set.Count / 5));
        }
    }

    [Fact]
    public void TheSampleIsMnistNormalisedAndLooksLikeDigits()
    {
        TrainTest sample = DataSources.Load(DataSources.Sample);
        float black = Normalization.Mnist.Apply(0, 0), white = Normalization.Mnist.Apply(255, 0);
        ReadOnlySpan<float> inputs = sample.Train.Inputs.Span;
        int blackCount = 0;
        float max = float.MinValue, min = float.MaxValue;
        foreach (float v in inputs)
        {
            if (v == black) blackCount++;
            max = Math.Max(max, v);
            min = Math.Min(min, v);
        }
        Assert.Equal((black, white), (min, max));
        // MNIST digits are mostly background: about 80 % of the pixels are exactly 0.
        Assert.InRange(blackCount / (double)inputs.Length, 0.7, 0.9);
    }

    [Fact]
    public void TheSampleTakesNoDirectory()
    {
        var ex = Assert.Throws<Eoi.Core.EoiArgumentException>(() => DataSources.Load(DataSources.Sample, "data"));
        Assert.Contains("directory must be omitted for \"sample\"", ex.Message);
    }
}
