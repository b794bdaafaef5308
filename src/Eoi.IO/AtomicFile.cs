using Eoi.Core;

namespace Eoi.IO;

/// <summary>
/// Writes a file whole or not at all. The content goes to a uniquely named temporary file in the target's
/// directory (so the final rename stays on one file system and is atomic), is flushed to disk, and only then
/// replaces the target. A reader therefore sees either the old file or the complete new one, never a torn
/// write, and a writer that throws leaves the old file untouched and no temporary file behind.
/// </summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="writeContent"/> against a fresh stream and publishes the result at
    /// <paramref name="path"/>. File-system failures become an <see cref="EoiException"/> naming the path;
    /// anything the writer itself throws propagates unchanged.</summary>
    public static void Write(string path, Action<Stream> writeContent)
    {
        Guard.NotNull(path, nameof(path));
        Guard.NotNull(writeContent, nameof(writeContent));
        string fullPath = System.IO.Path.GetFullPath(path);
        string directory = System.IO.Path.GetDirectoryName(fullPath)
            ?? throw new EoiArgumentException(nameof(path), $"path must name a file, not a root directory; got {path}");
        string tempPath = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // CreateNew: never adopt a file that some other writer happens to own.
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DeleteQuietly(tempPath);
            throw new EoiException($"{path}: cannot write file ({ex.Message})", ex);
        }
        catch
        {
            DeleteQuietly(tempPath);
            throw;
        }
    }

    /// <summary>Text variant of <see cref="Write"/>: UTF-8 without a byte-order mark and "\n" line ends on
    /// every platform, so the same content gives the same bytes everywhere.</summary>
    public static void WriteText(string path, Action<TextWriter> writeContent)
    {
        Guard.NotNull(writeContent, nameof(writeContent));
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            writeContent(writer);
        });
    }

    /// <summary>Deletes the temporary files that writes of <paramref name="path"/> left behind when their process
    /// was killed between creating and renaming them (".NAME.GUID.tmp" beside the target). Call it only where no
    /// other process writes that target at the same time. Returns how many were removed.</summary>
    public static int RemoveAbandoned(string path)
    {
        Guard.NotNull(path, nameof(path));
        string fullPath = System.IO.Path.GetFullPath(path);
        string? directory = System.IO.Path.GetDirectoryName(fullPath);
        if (directory is null || !Directory.Exists(directory)) return 0;
        string prefix = $".{System.IO.Path.GetFileName(fullPath)}.";
        int removed = 0;
        foreach (string file in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
        {
            string guid = System.IO.Path.GetFileName(file)[prefix.Length..^".tmp".Length];
            if (!Guid.TryParseExact(guid, "N", out _)) continue;
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static void DeleteQuietly(string tempPath)
    {
        try
        {
            File.Delete(tempPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The original failure is the one worth reporting; a leftover temp file is only clutter.
        }
    }
}
