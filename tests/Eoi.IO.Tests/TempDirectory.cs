namespace Eoi.IO.Tests;

/// <summary>A fresh directory per test, removed afterwards, so tests can run in parallel and can assert
/// exactly which files a writer left behind.</summary>
sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("eoi-io-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string[] FileNames() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).Order().ToArray()!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
