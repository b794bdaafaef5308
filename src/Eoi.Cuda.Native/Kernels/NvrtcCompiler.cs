namespace Eoi.Cuda.Native;

/// <summary>A successful compilation: the PTX (NUL-terminated) and NVRTC's log, which holds any warnings.</summary>
public sealed record NvrtcOutput(byte[] Ptx, string Log);

/// <summary>CUDA C++ to PTX with NVRTC. Needs only libnvrtc, not a device.</summary>
public static unsafe class NvrtcCompiler
{
    /// <summary>Compiles for the virtual architecture compute_<paramref name="architecture"/> (e.g. 90).</summary>
    public static byte[] CompileToPtx(string source, string programName, int architecture, IReadOnlyList<string> options) =>
        Compile(source, programName, architecture, options).Ptx;

    /// <summary>As <see cref="CompileToPtx"/>, also returning NVRTC's log: empty unless it warned.</summary>
    public static NvrtcOutput Compile(string source, string programName, int architecture, IReadOnlyList<string> options)
    {
        using var program = NvrtcProgram.Create(source, programName);
        program.Compile([$"--gpu-architecture=compute_{architecture}", .. options]);
        return new NvrtcOutput(program.Ptx(), program.Log());
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
    public static int ArchitectureFor(ComputeCapability device) =>
        SupportedArchitectures().Where(a => a <= device.Number).DefaultIfEmpty(device.Number).Max();

    /// <summary>The architectures this NVRTC compiles for, ascending (CUDA 11.8: 35 to 90).</summary>
    public static IReadOnlyList<int> SupportedArchitectures()
    {
        CudaLibraries.Require(CudaLibrary.Nvrtc);
        CudaCheck.Nvrtc(NvrtcApi.nvrtcGetNumSupportedArchs(out int count));
        int[] supported = new int[count];
        fixed (int* architectures = supported) CudaCheck.Nvrtc(NvrtcApi.nvrtcGetSupportedArchs(architectures));
        return supported;
    }
}
