namespace Eoi.Cuda.Native;

/// <summary>Loaded device code (cuModuleLoadData), unloaded on dispose; its functions die with it.</summary>
public sealed unsafe class CudaModule : ContextBoundHandle
{
    CudaModule(CudaContext context) : base(context) { }

    /// <summary>Loads PTX text (a NUL is appended if missing), a cubin or a fatbin.</summary>
    public static CudaModule Load(CudaContext context, ReadOnlySpan<byte> image)
    {
        byte[] terminated = image.Length > 0 && image[^1] == 0 ? image.ToArray() : [.. image, 0];
        return Create(new CudaModule(context), () =>
        {
            using var scope = context.Enter();
            nint module;
            fixed (byte* data = terminated) CudaCheck.Driver(CudaDriverApi.cuModuleLoadData(out module, data));
            return module;
        });
    }

    /// <summary>The kernel must be declared extern "C", or its name is C++-mangled.</summary>
    public CudaFunction GetFunction(string name)
    {
        using var names = new Utf8StringArray([name]);
        using var scope = Context.Enter();
        var result = CudaDriverApi.cuModuleGetFunction(out nint function, Raw, names[0]);
        if (result != CudaResult.CUDA_SUCCESS) throw CudaException.FromDriver(result, $"cuModuleGetFunction(\"{name}\")");
        return new CudaFunction(this, function, name);
    }

    protected override bool ReleaseInContext(nint native) =>
        CudaDriverApi.cuModuleUnload(native) == CudaResult.CUDA_SUCCESS;
}
