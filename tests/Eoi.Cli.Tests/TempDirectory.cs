namespace Eoi.Cli.Tests;

/// <summary>A fresh directory per test, deleted afterwards, so tests running in parallel never share files.</summary>
sealed class TempDirectory : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("eoi-cli-tests-").FullName;

    public string this[string name] => Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
