namespace Eoi.Cuda.Native;

/// <summary>Says whether this machine can run the CUDA backend, without ever throwing for a missing
/// library, driver or device: the answer is a value, with a one-line reason when it is no.</summary>
public static class CudaProbe
{
    /// <summary>The reason on a machine with the driver library but no GPU (cuInit returns 100).</summary>
    public const string NoDeviceReason = "CUDA unavailable: no CUDA device (cuInit = CUDA_ERROR_NO_DEVICE)";

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
            return new CudaUnavailable("CUDA unavailable: needs a 64-bit process (device pointers are 64-bit)", libraries, LibraryVersions.None);
        var versions = LibraryVersions.Read(libraries);
        if (!libraries[(int)CudaLibrary.Driver].IsLoaded)
            return new CudaUnavailable($"CUDA unavailable: {libraries[(int)CudaLibrary.Driver].FailureReason}", libraries, versions.Found);

        try
        {
            // The device comes before the other libraries: on a machine without a GPU that is the fact to
            // report, whatever else is installed.
            var init = CudaDriverApi.cuInit(0);
            if (init == CudaResult.CUDA_ERROR_NO_DEVICE)
                return new CudaUnavailable(NoDeviceReason, libraries, versions.Found);
            CudaCheck.Driver(init, "cuInit");
            CudaCheck.Driver(CudaDriverApi.cuDeviceGetCount(out int deviceCount));
            if (deviceCount == 0)
                return new CudaUnavailable("CUDA unavailable: no CUDA device (cuDeviceGetCount = 0)", libraries, versions.Found);
            if (libraries.FirstOrDefault(library => !library.IsLoaded) is { } missing)
                return new CudaUnavailable($"CUDA unavailable: {missing.FailureReason}", libraries, versions.Found);
            if (versions.Failure is { } failure)
                return new CudaUnavailable($"CUDA unavailable: {failure}", libraries, versions.Found);

            var devices = Enumerable.Range(0, deviceCount).Select(ordinal => CudaDevices.Query(ordinal, out _)).ToList();
            return new CudaAvailable(devices, libraries, versions.Found);
        }
        catch (CudaException e)
        {
            return new CudaUnavailable($"CUDA unavailable: {e.Message}", libraries, versions.Found);
        }
        catch (EntryPointNotFoundException e)
        {
            // A library too old to export something declared here.
            return new CudaUnavailable($"CUDA unavailable: {e.Message}", libraries, versions.Found);
        }
    }

    /// <summary>The version of each loaded library, read without a device (cuDriverGetVersion needs no cuInit;
    /// cublasGetProperty and cusparseGetProperty need no handle), and the first failure to read one.</summary>
    sealed record LibraryVersions(IReadOnlyDictionary<CudaLibrary, LibraryVersion> Found, string? Failure)
    {
        public static readonly IReadOnlyDictionary<CudaLibrary, LibraryVersion> None = new Dictionary<CudaLibrary, LibraryVersion>();

        public static LibraryVersions Read(IEnumerable<LibraryLoadResult> libraries)
        {
            var found = new Dictionary<CudaLibrary, LibraryVersion>();
            string? failure = null;
            foreach (var library in libraries.Where(library => library.IsLoaded))
            {
                try
                {
                    found.Add(library.Library.Library, Of(library.Library.Library));
                }
                catch (Exception e) when (e is CudaException or EntryPointNotFoundException)
                {
                    failure ??= e.Message;
                }
            }
            return new LibraryVersions(found, failure);
        }

        static LibraryVersion Of(CudaLibrary library) => library switch
        {
            CudaLibrary.Driver => DriverVersion(),
            CudaLibrary.Cublas => FromProperties(CublasProperty),
            CudaLibrary.Cusparse => FromProperties(CusparseProperty),
            CudaLibrary.Nvrtc => NvrtcCompiler.Version(),
            _ => throw new ArgumentOutOfRangeException(nameof(library), library, "not one of the four CUDA libraries"),
        };

        static LibraryVersion DriverVersion()
        {
            CudaCheck.Driver(CudaDriverApi.cuDriverGetVersion(out int version));
            return LibraryVersion.FromDriverVersion(version);
        }

        static LibraryVersion FromProperties(Func<LibraryPropertyType, int> property) =>
            new(property(LibraryPropertyType.MAJOR_VERSION), property(LibraryPropertyType.MINOR_VERSION), property(LibraryPropertyType.PATCH_LEVEL));

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
}
