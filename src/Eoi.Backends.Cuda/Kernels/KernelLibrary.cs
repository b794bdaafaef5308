using Eoi.Core.Backend;
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

    readonly Dictionary<(KernelModule, string, ElementType), CudaFunction> resolved = [];

    public CudaFunction Get(KernelModule module, string name, ElementType type)
    {
        // The untyped module is compiled once, whatever the caller's element type.
        var key = (module, name, module == KernelModule.Memory ? ElementType.Int32 : type);
        if (resolved.TryGetValue(key, out var function)) return function;
        string[] options = module == KernelModule.Memory ? [NoContraction] : [NoContraction, $"-DEOI_REAL={RealName(type)}"];
        function = cache.GetFunction(KernelSources.Text(module), name, options);
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
