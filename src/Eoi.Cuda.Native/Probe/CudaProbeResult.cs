using System.Text;

namespace Eoi.Cuda.Native;

/// <summary>What <see cref="CudaProbe.Detect()"/> found: <see cref="CudaAvailable"/> or <see cref="CudaUnavailable"/>.
/// Either way <see cref="Libraries"/> keeps every path tried for every library, and <see cref="Versions"/> the
/// version of each library that loaded (read without a device, so known on a machine without a GPU too).</summary>
public abstract record CudaProbeResult(
    IReadOnlyList<LibraryLoadResult> Libraries,
    IReadOnlyDictionary<CudaLibrary, LibraryVersion> Versions)
{
    public abstract bool IsAvailable { get; }

    /// <summary>One line for `eoi devices` and for test skip reasons.</summary>
    public abstract string Summary { get; }

    /// <summary>"NVRTC 11.8: /usr/lib/x86_64-linux-gnu/libnvrtc.so.11.2", one line per library that loaded.</summary>
    public IEnumerable<string> LoadedLibraries =>
        Libraries.Where(library => library.IsLoaded).Select(library =>
            $"{library.Library.DisplayName} {(Versions.TryGetValue(library.Library.Library, out var version) ? version.ToString() : "(version unknown)")}: {library.LoadedPath}");

    /// <summary>The full search, one line per path tried, library by library.</summary>
    public string DescribeSearch()
    {
        var text = new StringBuilder();
        foreach (var library in Libraries) text.Append(library.Describe());
        return text.ToString();
    }
}

/// <summary>Driver, device and all three libraries are usable.</summary>
public sealed record CudaAvailable(
    IReadOnlyList<CudaDeviceInfo> Devices,
    IReadOnlyList<LibraryLoadResult> Libraries,
    IReadOnlyDictionary<CudaLibrary, LibraryVersion> Versions) : CudaProbeResult(Libraries, Versions)
{
    public LibraryVersion DriverVersion => Versions[CudaLibrary.Driver];
    public LibraryVersion CublasVersion => Versions[CudaLibrary.Cublas];
    public LibraryVersion CusparseVersion => Versions[CudaLibrary.Cusparse];
    public LibraryVersion NvrtcVersion => Versions[CudaLibrary.Nvrtc];

    public override bool IsAvailable => true;

    public override string Summary =>
        $"CUDA available: driver {DriverVersion}, {Devices.Count} device(s): " +
        string.Join("; ", Devices) +
        $"; cuBLAS {CublasVersion}, cuSPARSE {CusparseVersion}, NVRTC {NvrtcVersion}";
}

/// <summary>Something needed is missing; <see cref="Reason"/> says what, in one line.</summary>
public sealed record CudaUnavailable(
    string Reason,
    IReadOnlyList<LibraryLoadResult> Libraries,
    IReadOnlyDictionary<CudaLibrary, LibraryVersion> Versions) : CudaProbeResult(Libraries, Versions)
{
    public override bool IsAvailable => false;

    public override string Summary => Reason;
}
