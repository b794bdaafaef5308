using Eoi.Core;

namespace Eoi.Data;

/// <summary>The directory of the extracted CIFAR-10 binary archive (cifar-10-batches-bin): the five training
/// batches, concatenated in order 1..5, and test_batch.bin. Given the folder that holds
/// cifar-10-batches-bin (where the archive was extracted), looks inside it.</summary>
public static class CifarDirectory
{
    public const string ArchiveFolder = "cifar-10-batches-bin";
    public const string TestFileName = "test_batch.bin";
    public static IReadOnlyList<string> TrainFileNames { get; } = [.. Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin")];

    public static (LabeledImages Train, LabeledImages Test) Read(string directory)
    {
        Guard.NotNull(directory, nameof(directory));
        if (!Directory.Exists(directory))
            throw new EoiException($"{directory}: directory not found");
        string archive = Path.Combine(directory, ArchiveFolder);
        string root = Directory.Exists(archive) ? archive : directory;
        string[] missing = [.. TrainFileNames.Append(TestFileName).Where(name => !File.Exists(Path.Combine(root, name)))];
        if (missing.Length > 0)
            throw new EoiException($"{root}: CIFAR-10 binary files missing: {string.Join(", ", missing)}");
        LabeledImages[] batches = [.. TrainFileNames.Select(name => CifarBinaryReader.Read(Path.Combine(root, name)))];
        return (Concatenate(batches), CifarBinaryReader.Read(Path.Combine(root, TestFileName)));
    }

    static LabeledImages Concatenate(LabeledImages[] parts)
    {
        byte[] labels = [.. parts.SelectMany(p => p.Labels)];
        var pixels = new byte[(long)labels.Length * CifarBinaryReader.ImageSize];
        long offset = 0;
        foreach (LabeledImages part in parts)
        {
            part.Images.Pixels.CopyTo(pixels, offset);
            offset += part.Images.Pixels.LongLength;
        }
        var images = new ImageBytes(labels.Length, CifarBinaryReader.Channels, CifarBinaryReader.Side, CifarBinaryReader.Side, pixels);
        return new LabeledImages(images, labels);
    }
}
