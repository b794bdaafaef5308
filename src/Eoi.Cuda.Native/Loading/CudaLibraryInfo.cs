namespace Eoi.Cuda.Native;

/// <summary>What the probe needs to know to find one library: the file names to look for (newest major
/// version first), the variable that overrides the search, and where NVIDIA's pip wheels put it.</summary>
public sealed record CudaLibraryInfo(
    CudaLibrary Library,
    string DisplayName,
    string ImportName,
    string OverrideVariable,
    IReadOnlyList<string> FileNames,
    IReadOnlyList<string> WheelDirectories)
{
    /// <summary>"cuBLAS (libcublas.so.13, libcublas.so.12, libcublas.so)": how messages name the library.</summary>
    public string Title => $"{DisplayName} ({string.Join(", ", FileNames)})";

    // Only libcuda.so.1: the unversioned libcuda.so in a toolkit is the link-time stub, which loads and then
    // fails every call with CUDA_ERROR_STUB_LIBRARY. No wheel ships the driver. CUDA 13 wheels put every
    // library in nvidia/cu13/lib; CUDA 12 and 11 wheels use one folder per library. cuSPARSE kept major 12 in
    // CUDA 13. CUDA 11.2 to 11.8 all ship NVRTC as libnvrtc.so.11.2 (11.0 and 11.1, too old for the cuSPARSE
    // SDDMM the backend calls, are not looked for); Debian 12's non-free libnvrtc11.2 is CUDA 11.8.
    public static readonly CudaLibraryInfo Driver = new(
        CudaLibrary.Driver, "CUDA driver", ImportNames.Driver, "EOI_CUDA_LIBCUDA",
        ["libcuda.so.1"], []);

    public static readonly CudaLibraryInfo Cublas = new(
        CudaLibrary.Cublas, "cuBLAS", ImportNames.Cublas, "EOI_CUDA_LIBCUBLAS",
        ["libcublas.so.13", "libcublas.so.12", "libcublas.so.11", "libcublas.so"], ["nvidia/cu13/lib", "nvidia/cublas/lib"]);

    public static readonly CudaLibraryInfo Cusparse = new(
        CudaLibrary.Cusparse, "cuSPARSE", ImportNames.Cusparse, "EOI_CUDA_LIBCUSPARSE",
        ["libcusparse.so.13", "libcusparse.so.12", "libcusparse.so.11", "libcusparse.so"], ["nvidia/cu13/lib", "nvidia/cusparse/lib"]);

    public static readonly CudaLibraryInfo Nvrtc = new(
        CudaLibrary.Nvrtc, "NVRTC", ImportNames.Nvrtc, "EOI_CUDA_LIBNVRTC",
        ["libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so"], ["nvidia/cu13/lib", "nvidia/cuda_nvrtc/lib"]);

    /// <summary>All four, in the order the probe checks them (the driver first: nothing works without it).</summary>
    public static IReadOnlyList<CudaLibraryInfo> All { get; } = [Driver, Cublas, Cusparse, Nvrtc];

    public static CudaLibraryInfo Of(CudaLibrary library) => All[(int)library];

    public static CudaLibraryInfo? ByImportName(string importName) =>
        All.FirstOrDefault(info => info.ImportName == importName);
}
