namespace Eoi.TestSupport;

/// <summary>A fresh directory per test, deleted afterwards, so tests running in parallel never share files and
/// can assert exactly which files a writer left behind.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("eoi-tests-").FullName;

    /// <summary>The path of <paramref name="relative"/> inside this directory (nothing is created).</summary>
    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Creates (and returns) a subfolder, e.g. "cuda-12.4/lib64".</summary>
    public string Folder(string relative) => Directory.CreateDirectory(File(relative)).FullName;

    /// <summary>Writes a file (creating its folders) and returns its path.</summary>
    public string Write(string relative, byte[] bytes)
    {
        string path = Prepare(relative);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes a text file (creating its folders), e.g. a fake library a loader must refuse.</summary>
    public string WriteText(string relative, string contents)
    {
        string path = Prepare(relative);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    /// <summary>The names of the files directly inside, sorted.</summary>
    public string[] FileNames() => [.. Directory.GetFiles(Path).Select(f => System.IO.Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    string Prepare(string relative)
    {
        string path = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
