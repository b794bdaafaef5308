namespace Eoi.Cuda.Tests;

/// <summary>A fresh folder under the system temp directory, deleted on dispose.</summary>
sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("eoi-cuda-tests-").FullName;
    }

    public string Path { get; }

    /// <summary>Creates (and returns) a subfolder, e.g. "cuda-12.4/lib64".</summary>
    public string Folder(string relative) => Directory.CreateDirectory(System.IO.Path.Combine(Path, relative)).FullName;

    /// <summary>Writes a file of the given text, e.g. a fake library that the loader must refuse.</summary>
    public string File(string relative, string contents)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, contents);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
