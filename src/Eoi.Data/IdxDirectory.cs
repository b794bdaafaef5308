using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// A directory laid out like the MNIST distribution: train-images-idx3-ubyte, train-labels-idx1-ubyte,
/// t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each either plain or with a ".gz" suffix (the plain
/// name wins when both exist). Fashion-MNIST and scripts/fetch-data.sh's conversions use the same names.
/// </summary>
public static class IdxDirectory
{
    public const string TrainPrefix = "train";
    public const string TestPrefix = "t10k";

    public static string ImagesFileName(string prefix) => $"{prefix}-images-idx3-ubyte";
    public static string LabelsFileName(string prefix) => $"{prefix}-labels-idx1-ubyte";

    /// <summary>The train and test sets; every label must be below <paramref name="classCount"/>.</summary>
    public static (LabeledImages Train, LabeledImages Test) Read(string directory, int classCount)
    {
        Guard.NotNull(directory, nameof(directory));
        if (!Directory.Exists(directory))
            throw new EoiException($"{directory}: directory not found");
        return (ReadSet(directory, TrainPrefix, classCount), ReadSet(directory, TestPrefix, classCount));
    }

    /// <summary>One set (prefix "train" or "t10k").</summary>
    static LabeledImages ReadSet(string directory, string prefix, int classCount) =>
        IdxReader.ReadLabeled(Find(directory, ImagesFileName(prefix)), Find(directory, LabelsFileName(prefix)), classCount);

    /// <summary>Writes both sets gzip-compressed under the standard names (".gz" added).</summary>
    public static void Write(string directory, LabeledImages train, LabeledImages test)
    {
        Guard.NotNull(train, nameof(train));
        Guard.NotNull(test, nameof(test));
        Directory.CreateDirectory(directory);
        WriteSet(directory, TrainPrefix, train);
        WriteSet(directory, TestPrefix, test);
    }

    static void WriteSet(string directory, string prefix, LabeledImages set)
    {
        IdxWriter.WriteImages(Path.Combine(directory, ImagesFileName(prefix) + ".gz"), set.Images);
        IdxWriter.WriteLabels(Path.Combine(directory, LabelsFileName(prefix) + ".gz"), set.Labels);
    }

    static string Find(string directory, string fileName)
    {
        string plain = Path.Combine(directory, fileName);
        if (File.Exists(plain))
            return plain;
        string gz = plain + ".gz";
        if (File.Exists(gz))
            return gz;
        throw new EoiException($"{directory}: neither {fileName} nor {fileName}.gz found");
    }
}
