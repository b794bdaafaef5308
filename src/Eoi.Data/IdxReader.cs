using System.Buffers.Binary;
using Eoi.Core;

namespace Eoi.Data;

/// <summary>Reads IDX image and label files, plain or gzip-compressed, with strict validation: the magic must
/// be the expected one, no dimension may be 0 or above 2^31 - 1, and the data must fill the file exactly.</summary>
public static class IdxReader
{
    /// <summary>An N x H x W image file (magic 0x00000803), as N single-channel images.</summary>
    public static ImageBytes ReadImages(string path)
    {
        using var source = ByteSource.Open(path);
        return ReadImages(source);
    }

    /// <summary>An N-label file (magic 0x00000801).</summary>
    public static byte[] ReadLabels(string path)
    {
        using var source = ByteSource.Open(path);
        return ReadLabels(source);
    }

    /// <summary>An image file and its label file as one set: the counts must agree and every label must be
    /// below <paramref name="classCount"/>.</summary>
    public static LabeledImages ReadLabeled(string imagesPath, string labelsPath, int classCount)
    {
        using var images = ByteSource.Open(imagesPath);
        using var labels = ByteSource.Open(labelsPath);
        return ReadLabeled(images, labels, classCount);
    }

    internal static LabeledImages ReadLabeled(ByteSource imagesSource, ByteSource labelsSource, int classCount)
    {
        ImageBytes images = ReadImages(imagesSource);
        byte[] labels = ReadLabels(labelsSource);
        if (labels.Length != images.Count)
            throw labelsSource.Error($"holds {labels.Length} labels but {imagesSource.Name} holds {images.Count} images");
        LabelCheck.InRange(labels, classCount, labelsSource.Name);
        return new LabeledImages(images, labels);
    }

    internal static ImageBytes ReadImages(ByteSource source)
    {
        int[] dims = ReadHeader(source, IdxFormat.ImagesMagic);
        byte[] pixels = source.ReadToEnd((long)dims[0] * dims[1] * dims[2], $"{dims[0]} x {dims[1]} x {dims[2]} pixels");
        return new ImageBytes(dims[0], 1, dims[1], dims[2], pixels);
    }

    internal static byte[] ReadLabels(ByteSource source)
    {
        int[] dims = ReadHeader(source, IdxFormat.LabelsMagic);
        return source.ReadToEnd(dims[0], $"{dims[0]} labels");
    }

    static int[] ReadHeader(ByteSource source, uint expectedMagic)
    {
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(source.ReadExactly(4, "IDX magic number"));
        if (magic != expectedMagic)
            throw source.Error($"bad magic 0x{magic:x8}; expected {IdxFormat.Describe(expectedMagic)}");
        int rank = IdxFormat.DimensionCount(magic);
        byte[] header = source.ReadExactly(4 * rank, "IDX dimension sizes");
        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            uint dim = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4 * i));
            if (dim == 0 || dim > int.MaxValue)
                throw source.Error($"dimension {i} is {dim}; it must be in [1, {int.MaxValue}]");
            dims[i] = (int)dim;
        }
        return dims;
    }
}
