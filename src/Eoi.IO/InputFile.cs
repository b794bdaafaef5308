using Eoi.Core;

namespace Eoi.IO;

/// <summary>
/// A file opened for reading by one of the format readers. It knows its length up front so a reader can
/// check every size a header claims against the bytes that really exist before allocating anything, and it
/// turns a short read into an <see cref="EoiFormatException"/> instead of an end-of-stream surprise.
/// </summary>
public sealed class InputFile : IDisposable
{
    /// <summary>The path as the caller gave it, for error messages.</summary>
    public string Path { get; }
    /// <summary>The open file, positioned where the reader has got to.</summary>
    public FileStream Stream { get; }
    /// <summary>The file's size in bytes when it was opened.</summary>
    public long Length { get; }

    InputFile(string path, FileStream stream)
    {
        Path = path;
        Stream = stream;
        Length = stream.Length;
    }

    /// <summary>Opens <paramref name="path"/> for reading; a missing, empty or unreadable file is an <see cref="EoiException"/> naming it.</summary>
    public static InputFile Open(string path)
    {
        Guard.NotNull(path, nameof(path));
        if (Directory.Exists(path))
            throw new EoiException($"{path}: is a directory");
        // Opening a FIFO for reading waits for a writer, and a device never ends. Neither has a size, and no
        // format here can be empty, so a file of length 0 is refused before it is opened.
        var info = new FileInfo(path);
        if (info.Exists && info.Length == 0)
            throw new EoiFormatException(path, "empty file (0 bytes), or not a regular file (a FIFO, socket or device)");
        try
        {
            return new InputFile(path, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16));
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

    /// <summary>The bytes after the current position.</summary>
    public long Remaining => Length - Stream.Position;

    /// <summary>A format error naming this file.</summary>
    public EoiFormatException Error(string problem) => new(Path, problem);

    /// <summary>Reads exactly <paramref name="count"/> bytes; <paramref name="what"/> names them in the
    /// error when the file ends first.</summary>
    public byte[] ReadExactly(int count, string what)
    {
        if (count > Remaining)
            throw Error($"file ends inside the {what}: needs {count} bytes, only {Remaining} left");
        var bytes = new byte[count];
        Stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => Stream.Dispose();
}
