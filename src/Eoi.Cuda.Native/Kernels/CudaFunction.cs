namespace Eoi.Cuda.Native;

/// <summary>A kernel in a loaded module. Owned by the module: it is valid while the module is.</summary>
public sealed unsafe class CudaFunction
{
    readonly nint function;

    internal CudaFunction(CudaModule module, nint function, string name)
    {
        Module = module;
        Name = name;
        this.function = function;
    }

    public CudaModule Module { get; }

    public string Name { get; }

    /// <summary>Queues the kernel on <paramref name="stream"/> (null: the default stream). Errors inside the
    /// kernel surface at the next synchronisation, not here.</summary>
    public void Launch(Dim3 grid, Dim3 block, KernelArguments arguments, CudaStream? stream = null, uint sharedMemoryBytes = 0)
    {
        ObjectDisposedException.ThrowIf(Module.IsClosed, Module);
        nint rawStream = CudaStream.RawHandle(stream);
        using var scope = Module.Context.Enter();
        fixed (byte* values = arguments.Storage)
        {
            void** parameters = stackalloc void*[arguments.Count];
            for (int i = 0; i < arguments.Count; i++) parameters[i] = values + arguments.Offsets[i];
            CudaCheck.Driver(CudaDriverApi.cuLaunchKernel(
                function, grid.X, grid.Y, grid.Z, block.X, block.Y, block.Z,
                sharedMemoryBytes, rawStream, parameters, null));
        }
    }
}
