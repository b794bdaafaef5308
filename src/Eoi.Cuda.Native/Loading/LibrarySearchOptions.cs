using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>Everything the library search reads, so tests can point it at empty folders without touching
/// the process environment. <see cref="FromProcess"/> builds the real one.</summary>
public sealed record LibrarySearchOptions
{
    /// <summary>Variable names the search reads; <see cref="FromProcess"/> copies exactly these.</summary>
    public static IReadOnlyList<string> VariableNames { get; } =
        [.. CudaLibraryInfo.All.Select(info => info.OverrideVariable), LibDirVariable, "CUDA_PATH", "CUDA_HOME", "LD_LIBRARY_PATH"];

    /// <summary>A directory (or ':'-separated list) searched right after the per-library overrides.</summary>
    public const string LibDirVariable = "EOI_CUDA_LIB_DIR";

    /// <summary>Values of <see cref="VariableNames"/>; a name that is absent or blank counts as unset.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Directories searched after LD_LIBRARY_PATH, in order.</summary>
    public IReadOnlyList<string> SystemDirectories { get; init; } = [];

    /// <summary>Python site-packages directories whose nvidia/* wheel folders are searched next.</summary>
    public IReadOnlyList<string> SitePackages { get; init; } = [];

    /// <summary>Whether the last step hands the bare file name to the system loader (ld.so.cache, RUNPATH).
    /// Off unless set, so a test's search stays inside the folders it names; <see cref="FromProcess"/> sets it.</summary>
    public bool UseSystemLoader { get; init; }

    public string? Variable(string name) =>
        Variables.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The search this process would do: its environment, the standard CUDA locations and the
    /// site-packages folders that exist here.</summary>
    public static LibrarySearchOptions FromProcess()
    {
        var variables = new Dictionary<string, string>();
        foreach (string name in VariableNames)
            if (Environment.GetEnvironmentVariable(name) is { } value) variables[name] = value;

        return new LibrarySearchOptions
        {
            Variables = variables,
            SystemDirectories = StandardDirectories(),
            SitePackages = SitePackagesDirectories(
                Environment.GetEnvironmentVariable("VIRTUAL_ENV"),
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
            UseSystemLoader = true,
        };
    }

    static IReadOnlyList<string> StandardDirectories()
    {
        string multiarch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        return
        [
            "/usr/local/cuda/lib64",
            .. BoundedGlob.Expand("/usr/local/cuda-*/lib64"),
            $"/usr/lib/{multiarch}",
            "/usr/lib64",       // where RHEL-family driver packages put libcuda.so.1
            "/usr/lib/wsl/lib", // where WSL2 exposes the Windows driver's libcuda.so.1
        ];
    }

    /// <summary>Site-packages folders in the precedence Python itself gives them: the active virtual
    /// environment, the user's, then the system's and conda's.</summary>
    public static IReadOnlyList<string> SitePackagesDirectories(string? virtualEnv, string? home)
    {
        var patterns = new List<string>();
        if (!string.IsNullOrWhiteSpace(virtualEnv)) patterns.Add(Path.Combine(virtualEnv, "lib/python3*/site-packages"));
        if (!string.IsNullOrWhiteSpace(home)) patterns.Add(Path.Combine(home, ".local/lib/python3*/site-packages"));
        patterns.Add("/usr/local/lib/python3*/dist-packages");
        patterns.Add("/usr/local/lib/python3*/site-packages");
        patterns.Add("/usr/lib/python3/dist-packages");
        patterns.Add("/opt/conda/lib/python3*/site-packages");
        return [.. patterns.SelectMany(BoundedGlob.Expand)];
    }
}
