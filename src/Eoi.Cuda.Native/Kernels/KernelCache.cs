namespace Eoi.Cuda.Native;

/// <summary>Compiles each (source, options, architecture) once with NVRTC, keeps the loaded module, and hands
/// out its kernels by name. Thread-safe; disposing it unloads every module, invalidating their functions.</summary>
public sealed class KernelCache : IDisposable
{
    readonly record struct ModuleKey(string Source, string Options, int Architecture);

    readonly CudaContext context;
    readonly Lock gate = new();
    readonly Dictionary<ModuleKey, CudaModule> modules = [];
    readonly Dictionary<(ModuleKey, string), CudaFunction> functions = [];
    readonly Lazy<int> architecture;
    bool disposed;

    public KernelCache(CudaContext context)
    {
        this.context = context;
        architecture = new Lazy<int>(() => NvrtcCompiler.ArchitectureFor(context.Device.ComputeCapability));
    }

    /// <summary>The compute_XX that kernels are compiled for on this context's device.</summary>
    public int Architecture => architecture.Value;

    public int ModuleCount
    {
        get
        {
            lock (gate) return modules.Count;
        }
    }

    /// <summary><paramref name="kernelName"/> must be declared extern "C" in <paramref name="source"/>.
    /// Compile errors throw <see cref="NvrtcCompilationException"/> with NVRTC's log.</summary>
    public CudaFunction GetFunction(string source, string kernelName, params IReadOnlyList<string> options)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var key = new ModuleKey(source, string.Join('\0', options), Architecture);
            if (functions.TryGetValue((key, kernelName), out var cached)) return cached;

            if (!modules.TryGetValue(key, out var module))
            {
                byte[] ptx = NvrtcCompiler.CompileToPtx(source, kernelName + ".cu", key.Architecture, options);
                module = CudaModule.Load(context, ptx);
                modules.Add(key, module);
            }
            var function = module.GetFunction(kernelName);
            functions.Add((key, kernelName), function);
            return function;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            functions.Clear();
            foreach (var module in modules.Values) module.Dispose();
            modules.Clear();
        }
    }
}
