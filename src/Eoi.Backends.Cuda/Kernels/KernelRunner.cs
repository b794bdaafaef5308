using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Kernels;

/// <summary>Queues kernels from a <see cref="KernelLibrary"/> on the backend's one stream.</summary>
sealed class KernelRunner(KernelLibrary library, CudaStream stream)
{
    /// <summary>An element-wise kernel over <paramref name="threads"/> items (nothing is launched for none).</summary>
    public void ForEach(KernelModule module, string name, ElementType type, long threads, KernelArguments arguments)
    {
        if (threads == 0) return;
        library.Get(module, name, type).Launch(LaunchShape.GridFor(threads), LaunchShape.BlockSize, arguments, stream);
    }

    public void Launch(KernelModule module, string name, ElementType type, Dim3 grid, Dim3 block, KernelArguments arguments) =>
        library.Get(module, name, type).Launch(grid, block, arguments, stream);
}
