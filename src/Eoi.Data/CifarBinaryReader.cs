using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// One file of the CIFAR-10 binary version (data_batch_1.bin … data_batch_5.bin, test_batch.bin): records
/// of 1 label byte (0..9) followed by 3072 pixel bytes, the 32 x 32 red plane, then green, then blue, each
/// row-major. That is already C x H x W, so the pixels are copied as they are.
/// </summary>
public static class CifarBinaryReader
{
    public const int ClassCount = 10;
    public const int Channels = 3;
    public const int Side = 32;
    public const int ImageSize = Channels * Side * Side;
    public const int RecordSize = 1 + ImageSize;

    public static LabeledImages Read(string path)
    {
        using var source = ByteSource.Open(path);
        if (source.Compressed)
            throw source.Error("is gzip-compressed; CIFAR-10 batch files are read unpacked (extract the .tar.gz first)");
        long length = new FileInfo(path).Length;
        if (length == 0 || length % RecordSize != 0)
            throw source.Error($"length {length} is not a positive multiple of the {RecordSize}-byte record (1 label + {ImageSize} pixels)");
        int count = (int)(length / RecordSize);
        byte[] records = source.ReadToEnd(length, $"{count} records");
        var labels = new byte[count];
        var pixels = new byte[(long)count * ImageSize];
        for (int i = 0; i < count; i++)
        {
            labels[i] = records[(long)i * RecordSize];
            records.AsSpan(i * RecordSize + 1, ImageSize).CopyTo(pixels.AsSpan(i * ImageSize));
        }
        LabelCheck.InRange(labels, ClassCount, path);
        return new LabeledImages(new ImageBytes(count, Channels, Side, Side, pixels), labels);
    }
}
