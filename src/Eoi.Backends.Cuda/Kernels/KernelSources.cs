using System.Reflection;

namespace Eoi.Backends.Cuda.Kernels;

/// <summary>The CUDA C text of each module: prelude.cuh followed by the module's .cu file, both embedded in
/// this assembly (see the .csproj), read once.</summary>
static class KernelSources
{
    static readonly Lazy<string> Prelude = new(() => Read("prelude.cuh"));
    static readonly Dictionary<KernelModule, Lazy<string>> Modules =
        Enum.GetValues<KernelModule>().ToDictionary(module => module, module => new Lazy<string>(() => Prelude.Value + "\n" + Read(FileName(module))));

    public static string Text(KernelModule module) => Modules[module].Value;

    public static string FileName(KernelModule module) => module.ToString().ToLowerInvariant() + ".cu";

    /// <summary>Every embedded Kernels/*.cu file, whether or not a <see cref="KernelModule"/> names it yet (the
    /// .csproj embeds them by wildcard), so a check over these cannot miss a new file.</summary>
    public static IReadOnlyList<string> EmbeddedFiles { get; } =
        [.. Assembly.GetExecutingAssembly().GetManifestResourceNames().Where(name => name.EndsWith(".cu", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"kernel source {resource} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
