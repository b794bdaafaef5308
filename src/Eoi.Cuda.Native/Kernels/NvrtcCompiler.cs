namespace Eoi.Cuda.Native;

/// <summary>CUDA C++ to PTX with NVRTC. Needs only libnvrtc, not a device.</summary>
public static unsafe class NvrtcCompiler
{
    /// <summary>Compiles for the virtual architecture compute_<paramref name="architecture"/> (e.g. 90).</summary>
    public static byte[] CompileToPtx(string source, string programName, int architecture, IReadOnlyList<string> options)
    {
        using var program = NvrtcProgram.Create(source, programName);
        program.Compile([$"--gpu-architecture=compute_{architecture}", .. options]);
        return program.Ptx();
    }

    public static LibraryVersion Version()
    {
        CudaLibraries.Require(CudaLibrary.Nvrtc);
        CudaCheck.Nvrtc(NvrtcApi.nvrtcVersion(out int major, out int minor));
        return new LibraryVersion(major, minor);
    }

    /// <summary>The newest architecture NVRTC supports that does not exceed the device's. PTX for it is
    /// JIT-compiled forward onto a newer device, whereas naming an architecture this NVRTC does not know fails
    /// outright. A device older than everything NVRTC supports gets its own number, and NVRTC's refusal.</summary>
    public static int ArchitectureFor(ComputeCapability device)
    {
        CudaLibraries.Require(CudaLibrary.Nvrtc);
        CudaCheck.Nvrtc(NvrtcApi.nvrtcGetNumSupportedArchs(out int count));
        int[] supported = new int[count];
        fixed (int* architectures = supported) CudaCheck.Nvrtc(NvrtcApi.nvrtcGetSupportedArchs(architectures));
        return supported.Where(a => a <= device.Number).DefaultIfEmpty(device.Number).Max();
    }
}
