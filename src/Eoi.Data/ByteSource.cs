using System.IO.Compression;
using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// The bytes of one data file, gunzipped on the fly when the file starts with the gzip magic 1f 8b (so a
/// reader never trusts the file name). Every size a header claims is checked against the bytes that really
/// exist before it is allocated: exactly for plain files, whose length is known; for gzip, whose length is
/// not, by growing the buffer only as decompressed bytes arrive. A lying header therefore costs at most
/// the file's real content in memory and always ends in an <see cref="EoiFormatException"/>, never a hang.
/// </summary>
sealed class ByteSource : IDisposable
{
    const int FirstChunk = 1 << 20;

    readonly Stream _file;
    readonly Stream _content;

    public string Name { get; }
    public bool Compressed { get; }

    ByteSource(string name, Stream file)
    {
        Name = name;
        _file = file;
        Compressed = StartsWithGzipMagic(file);
        _content = Compressed ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
    }

    public static ByteSource Open(string path)
    {
        Guard.NotNull(path, nameof(path));
        try
        {
            return new ByteSource(path, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new EoiException($"{path}: file not found", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EoiException($"{path}: cannot open file for reading ({ex.Message})", ex);
        }
    }

    /// <summary>Wraps a seekable stream (an embedded resource); <paramref name="name"/> names it in errors.</summary>
    public static ByteSource FromStream(Stream stream, string name)
    {
        if (!stream.CanSeek)
            throw new EoiArgumentException(nameof(stream), "stream must be seekable");
        return new ByteSource(name, stream);
    }

    static bool StartsWithGzipMagic(Stream file)
    {
        long start = file.Position;
        Span<byte> magic = stackalloc byte[2];
        int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = start;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    public EoiFormatException Error(string problem) => new(Name, problem);

    /// <summary>Exactly <paramref name="count"/> bytes of a small fixed-size part (a header).</summary>
    public byte[] ReadExactly(int count, string what)
    {
        var bytes = new byte[count];
        int read = ReadUpTo(bytes);
        if (read < count)
            throw Error($"file ends inside the {what}: needs {count} bytes, only {read} present{DecompressedNote}");
        return bytes;
    }

    /// <summary>Exactly <paramref name="size"/> bytes that must also be the rest of the content: fewer means the
    /// file is truncated, more means the header's dimensions do not describe the file.</summary>
    public byte[] ReadToEnd(long size, string what)
    {
        if (size > Array.MaxLength - 1)
            throw Error($"the {what} would need {size} bytes, more than one array can hold");
        return Compressed ? ReadGrowing((int)size, what) : ReadKnownLength((int)size, what);
    }

    byte[] ReadKnownLength(int size, string what)
    {
        long remaining = _file.Length - _file.Position;
        if (remaining != size)
            throw LengthMismatch(size, remaining, what);
        var bytes = new byte[size];
        _file.ReadExactly(bytes);
        return bytes;
    }

    byte[] ReadGrowing(int size, string what)
    {
        // One byte more than claimed is asked for, to detect trailing data without reading it all.
        int limit = size + 1;
        var buffer = new byte[Math.Min(limit, FirstChunk)];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length == limit)
                    break;
                Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, limit));
            }
            int read = ReadUpTo(buffer.AsSpan(filled));
            if (read == 0)
                break;
            filled += read;
        }
        if (filled != size)
            throw LengthMismatch(size, filled, what);
        Array.Resize(ref buffer, size);
        return buffer;
    }

    EoiFormatException LengthMismatch(long size, long present, string what)
    {
        if (present < size)
            return Error($"truncated: the {what} needs {size} bytes but only {present} are present{DecompressedNote}");
        string found = Compressed ? "more data follows (after gunzip)" : $"{present} bytes follow the header";
        return Error($"the {what} takes {size} bytes but {found}: the header's dimensions do not match the file length");
    }

    string DecompressedNote => Compressed ? " (after gunzip)" : "";

    /// <summary>Fills as much of <paramref name="buffer"/> as the content allows; returns the count.</summary>
    int ReadUpTo(Span<byte> buffer)
    {
        try
        {
            return _content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            throw Error($"corrupt gzip data ({ex.Message})");
        }
    }

    public void Dispose()
    {
        if (Compressed)
            _content.Dispose();
        _file.Dispose();
    }
}
