namespace Eoi.Cuda.Native;

/// <summary>Finds out whether this machine can run the CUDA backend, without ever throwing for a missing
/// library, driver or device: the answer is a value, with a one-line reason when it is no.</summary>
public static class CudaProbe
{
    /// <summary>Searches this process's locations (see the README for the order).</summary>
    public static CudaProbeResult Detect() =>
        Detect(library => CudaLibraries.Load(library));

    /// <summary>Searches only where <paramref name="options"/> says, e.g. an empty folder in a test.</summary>
    public static CudaProbeResult Detect(LibrarySearchOptions options) =>
        Detect(library => CudaLibraries.Load(library, options));

    static CudaProbeResult Detect(Func<CudaLibrary, LibraryLoadResult> load)
    {
        // Libraries in probe order: driver first, since without it nothing else matters.
        var libraries = CudaLibraryInfo.All.Select(info => load(info.Library)).ToList();
        if (!Environment.Is64BitProcess)
            return new CudaUnavailable("CUDA unavailable: needs a 64-bit process (device pointers are 64-bit)", libraries);
        if (libraries.FirstOrDefault(library => !library.IsLoaded) is { } missing)
            return new CudaUnavailable($"CUDA unavailable: {missing.FailureReason}", libraries);

        try
        {
            CudaCheck.Driver(CudaDriverApi.cuInit(0));
            CudaCheck.Driver(CudaDriverApi.cuDriverGetVersion(out int driverVersion));
            CudaCheck.Driver(CudaDriverApi.cuDeviceGetCount(out int deviceCount));
            if (deviceCount == 0)
                return new CudaUnavailable("CUDA unavailable: no CUDA device (cuDeviceGetCount = 0)", libraries);

            var devices = Enumerable.Range(0, deviceCount).Select(ordinal => CudaDevices.Query(ordinal, out _)).ToList();
            return new CudaAvailable(
                LibraryVersion.FromDriverVersion(driverVersion), devices,
                VersionFrom(CublasProperty), VersionFrom(CusparseProperty), NvrtcCompiler.Version(), libraries);
        }
        catch (CudaException e)
        {
            return new CudaUnavailable($"CUDA unavailable: {e.Message}", libraries);
        }
        catch (EntryPointNotFoundException e)
        {
            // A library too old to export something declared here.
            return new CudaUnavailable($"CUDA unavailable: {e.Message}", libraries);
        }
    }

    static LibraryVersion VersionFrom(Func<LibraryPropertyType, int> property) =>
        new(property(LibraryPropertyType.MAJOR_VERSION), property(LibraryPropertyType.MINOR_VERSION), property(LibraryPropertyType.PATCH_LEVEL));

    // cublasGetProperty and cusparseGetProperty need no handle, so no device work is done just to read a version.
    static int CublasProperty(LibraryPropertyType type)
    {
        CudaCheck.Cublas(CublasApi.cublasGetProperty(type, out int value));
        return value;
    }

    static int CusparseProperty(LibraryPropertyType type)
    {
        CudaCheck.Cusparse(CusparseApi.cusparseGetProperty(type, out int value));
        return value;
    }
}
