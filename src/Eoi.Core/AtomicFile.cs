namespace Eoi.Core;

/// <summary>
/// Writes a file whole or not at all. The content goes to a uniquely named temporary file in the target's
/// directory (so the final rename stays on one file system and is atomic), is flushed to disk, and only then
/// replaces the target. A reader therefore sees either the old file or the complete new one, never a torn
/// write, and a writer that throws leaves the old file untouched and no temporary file behind.
/// Inside a <see cref="Batch"/>, several files are written all or nothing: each is staged, and only when every
/// one of them was written are they renamed into place.
/// </summary>
public static class AtomicFile
{
    static readonly AsyncLocal<FileBatch?> CurrentBatch = new();

    /// <summary>Starts a batch on this flow: until it is committed or disposed, every write is staged.
    /// Disposing without <see cref="FileBatch.Commit"/> deletes the staged files and leaves the targets as they were.</summary>
    public static FileBatch Batch()
    {
        if (CurrentBatch.Value is not null)
            throw new InvalidOperationException("a file batch is already open on this flow");
        return CurrentBatch.Value = new FileBatch(() => CurrentBatch.Value = null);
    }

    /// <summary>Runs <paramref name="writeContent"/> against a fresh stream and publishes the result at
    /// <paramref name="path"/> (at once, or at the commit of the open batch). File-system failures become an
    /// <see cref="EoiException"/> naming the path; anything the writer itself throws propagates unchanged.</summary>
    public static void Write(string path, Action<Stream> writeContent)
    {
        Guard.NotNull(path, nameof(path));
        Guard.NotNull(writeContent, nameof(writeContent));
        var staged = Stage(path, writeContent);
        if (CurrentBatch.Value is FileBatch batch)
            batch.Add(staged);
        else
            staged.Publish();
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

    static StagedFile Stage(string path, Action<Stream> writeContent)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        string directory = System.IO.Path.GetDirectoryName(fullPath)
            ?? throw new EoiArgumentException(nameof(path), $"path must name a file, not a root directory; got {path}");
        if (Directory.Exists(fullPath))
            throw new EoiException($"{path}: is a directory");
        string tempPath = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // CreateNew: never adopt a file that some other writer happens to own.
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }
            return new StagedFile(path, fullPath, tempPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DeleteQuietly(tempPath);
            throw CannotWrite(path, tempPath, ex);
        }
        catch
        {
            DeleteQuietly(tempPath);
            throw;
        }
    }

    /// <summary>The user's path and the reason, never the temporary file's name.</summary>
    static EoiException CannotWrite(string path, string tempPath, Exception ex)
    {
        string reason = ex switch
        {
            UnauthorizedAccessException => "permission denied",
            DirectoryNotFoundException => "its directory does not exist",
            _ => ex.Message.Replace(tempPath, path, StringComparison.Ordinal),
        };
        return new EoiException($"{path}: cannot write ({reason})", ex);
    }

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

    /// <summary>A complete temporary file waiting to replace its target.</summary>
    internal sealed record StagedFile(string Path, string FullPath, string TempPath)
    {
        public void Publish()
        {
            try
            {
                File.Move(TempPath, FullPath, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Discard();
                throw CannotWrite(Path, TempPath, ex);
            }
        }

        public void Discard() => DeleteQuietly(TempPath);
    }

    /// <summary>Files written together: all are published by <see cref="Commit"/>, none if it is not reached.</summary>
    public sealed class FileBatch : IDisposable
    {
        readonly List<StagedFile> staged = [];
        readonly Action close;
        bool closed;

        internal FileBatch(Action close) => this.close = close;

        internal void Add(StagedFile file) => staged.Add(file);

        /// <summary>Renames every staged file into place, in the order they were written.</summary>
        public void Commit()
        {
            Close();
            for (int k = 0; k < staged.Count; k++)
            {
                try
                {
                    staged[k].Publish();
                }
                catch
                {
                    foreach (var rest in staged.Skip(k + 1))
                        rest.Discard();
                    throw;
                }
            }
            staged.Clear();
        }

        /// <summary>Discards every file staged and not yet published.</summary>
        public void Dispose()
        {
            Close();
            foreach (var file in staged)
                file.Discard();
            staged.Clear();
        }

        void Close()
        {
            if (closed) return;
            closed = true;
            close();
        }
    }
}
