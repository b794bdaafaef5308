using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Kernels;

/// <summary>
/// Kernels by (module, name, element type), compiled by NVRTC on first use through <see cref="KernelCache"/>
/// and kept here so a launch does not hash a module's whole source text again. Typed modules are compiled once
/// per element type with EOI_REAL defined; every module with --fmad=false (see prelude.cuh).
/// </summary>
sealed class KernelLibrary(KernelCache cache) : IDisposable
{
    const string NoContraction = "--fmad=false";

    /// <summary>The compute capabilities the kernels are checked against (CI compiles every module for each with
    /// the real NVRTC): Volta 7.0, Turing 7.5, Ampere 8.0 and 8.6, Ada 8.9, Hopper 9.0. A device gets PTX for the
    /// newest architecture its NVRTC supports up to its own (<see cref="NvrtcCompiler.ArchitectureFor"/>).</summary>
    public static IReadOnlyList<ComputeCapability> TargetDevices { get; } =
        [new(7, 0), new(7, 5), new(8, 0), new(8, 6), new(8, 9), new(9, 0)];

    /// <summary>The element types a module is compiled for: the untyped Memory module once (listed as Int32,
    /// the word it moves), every other module once per real type.</summary>
    public static IReadOnlyList<ElementType> CompiledTypes(KernelModule module) =>
        IsTyped(module) ? [ElementType.Float32, ElementType.Float64] : [ElementType.Int32];

    /// <summary>The NVRTC options of one compilation of <paramref name="module"/>; <paramref name="type"/> is one
    /// of <see cref="CompiledTypes"/>.</summary>
    public static IReadOnlyList<string> CompileOptions(KernelModule module, ElementType type) =>
        IsTyped(module) ? [NoContraction, $"-DEOI_REAL={RealName(type)}"] : [NoContraction];

    static bool IsTyped(KernelModule module) => module != KernelModule.Memory;

    readonly Dictionary<(KernelModule, string, ElementType), CudaFunction> resolved = [];

    public CudaFunction Get(KernelModule module, string name, ElementType type)
    {
        // The untyped module is compiled once, whatever the caller's element type.
        var key = (module, name, IsTyped(module) ? type : ElementType.Int32);
        if (resolved.TryGetValue(key, out var function)) return function;
        function = cache.GetFunction(KernelSources.Text(module), name, CompileOptions(module, key.Item3));
        resolved.Add(key, function);
        return function;
    }

    static string RealName(ElementType type) => type switch
    {
        ElementType.Float32 => "float",
        ElementType.Float64 => "double",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "typed kernels exist for Float32 and Float64 only"),
    };

    public void Dispose() => cache.Dispose();
}
