namespace Eoi.Cuda.Native;

/// <summary>One place the search looks: a file path, or a bare file name for the system loader, and the
/// search step that produced it.</summary>
public sealed record LibraryCandidate(string Path, string Source)
{
    /// <summary>A name without a directory goes to the system loader, which does its own search.</summary>
    public bool IsBareName => !Path.Contains('/');
}

/// <summary>The ordered list of places to look for one library; see the README for the order and why.</summary>
public static class LibraryCandidates
{
    public const string SystemLoaderSource = "system loader";

    public static IReadOnlyList<LibraryCandidate> For(CudaLibraryInfo library, LibrarySearchOptions options)
    {
        var candidates = new List<LibraryCandidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void AddFile(string path, string source)
        {
            if (seen.Add(path)) candidates.Add(new LibraryCandidate(path, source));
        }

        void AddDirectory(string directory, string source)
        {
            foreach (string name in library.FileNames) AddFile(Path.Combine(directory, name), source);
        }

        if (options.Variable(library.OverrideVariable) is { } overridePath)
        {
            if (Directory.Exists(overridePath)) AddDirectory(overridePath, library.OverrideVariable);
            else AddFile(overridePath, library.OverrideVariable);
        }
        foreach (string directory in PathList(options.Variable(LibrarySearchOptions.LibDirVariable)))
            AddDirectory(directory, LibrarySearchOptions.LibDirVariable);
        foreach (string root in new[] { "CUDA_PATH", "CUDA_HOME" })
            if (options.Variable(root) is { } toolkit) AddDirectory(Path.Combine(toolkit, "lib64"), root);
        foreach (string directory in PathList(options.Variable("LD_LIBRARY_PATH")))
            AddDirectory(directory, "LD_LIBRARY_PATH");
        foreach (string directory in options.SystemDirectories)
            AddDirectory(directory, "standard location");
        foreach (string site in options.SitePackages)
            foreach (string wheel in library.WheelDirectories)
                AddDirectory(Path.Combine(site, wheel), "pip wheel");
        if (options.UseSystemLoader)
            foreach (string name in library.FileNames) AddFile(name, SystemLoaderSource);

        return candidates;
    }

    static IEnumerable<string> PathList(string? value) =>
        value?.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
