using System.Buffers.Binary;
using System.IO.Compression;
using Eoi.Core;

namespace Eoi.Data;

/// <summary>Writes IDX image and label files atomically; a path ending in ".gz" is gzip-compressed (at the
/// smallest size, since these files are written once and read many times).</summary>
public static class IdxWriter
{
    /// <summary>Single-channel images as an N x H x W IDX file.</summary>
    public static void WriteImages(string path, ImageBytes images)
    {
        Guard.NotNull(images, nameof(images));
        if (images.Channels != 1)
            throw new EoiArgumentException(nameof(images), $"IDX image files hold single-channel images; got {images.Channels} channels");
        Write(path, IdxFormat.ImagesMagic, [images.Count, images.Height, images.Width], images.Pixels);
    }

    public static void WriteLabels(string path, byte[] labels)
    {
        Guard.NotNull(labels, nameof(labels));
        Write(path, IdxFormat.LabelsMagic, [labels.Length], labels);
    }

    static void Write(string path, uint magic, int[] dims, byte[] data)
    {
        Guard.NotNull(path, nameof(path));
        var header = new byte[4 + 4 * dims.Length];
        BinaryPrimitives.WriteUInt32BigEndian(header, magic);
        for (int i = 0; i < dims.Length; i++)
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4 + 4 * i), (uint)dims[i]);
        AtomicFile.Write(path, stream =>
        {
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
                gzip.Write(header);
                gzip.Write(data);
            }
            else
            {
                stream.Write(header);
                stream.Write(data);
            }
        });
    }
}
