using System.Buffers.Binary;
using System.IO.Compression;

namespace Eoi.Data.Tests;

/// <summary>IDX files built byte by byte, independently of <see cref="IdxWriter"/>, so the readers are tested
/// against the format and not against our own writer; headers may lie on purpose.</summary>
static class IdxBytes
{
    public static byte[] Images(int count, int height, int width, byte[] pixels) =>
        File(0x00000803, [(uint)count, (uint)height, (uint)width], pixels);

    public static byte[] Labels(byte[] labels) => File(0x00000801, [(uint)labels.Length], labels);

    public static byte[] File(uint magic, uint[] dims, byte[] data)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, magic);
        for (int i = 0; i < dims.Length; i++)
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(bytes);
        return output.ToArray();
    }

    /// <summary>Pixel values 0, 1, 2, … wrapping at 256, so every position is recognisable.</summary>
    public static byte[] Ramp(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)i)];
}
