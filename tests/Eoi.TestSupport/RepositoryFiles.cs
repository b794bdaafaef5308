namespace Eoi.TestSupport;

/// <summary>Files of this repository that tests use (scripts, data folders), found from the test binary upwards.</summary>
public static class RepositoryFiles
{
    /// <summary>The repository root: the nearest folder above the test binary that holds Eoi.Reference.sln; null
    /// when the binary runs outside a checkout.</summary>
    public static string? Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Eoi.Reference.sln")))
                    return dir.FullName;
            return null;
        }
    }

    /// <summary>The path of <paramref name="relative"/> (e.g. "interop/torch/train_vs_torch.py") in the repository;
    /// throws when it is not there.</summary>
    public static string Find(string relative)
    {
        string? path = Root is { } root ? Path.Combine(root, relative) : null;
        return path is not null && File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{relative} not found in a checkout above {AppContext.BaseDirectory}");
    }
}
