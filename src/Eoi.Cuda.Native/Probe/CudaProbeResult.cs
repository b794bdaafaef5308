using System.Text;

namespace Eoi.Cuda.Native;

/// <summary>What <see cref="CudaProbe.Detect()"/> found: <see cref="CudaAvailable"/> or <see cref="CudaUnavailable"/>.
/// Either way <see cref="Libraries"/> keeps every path tried for every library.</summary>
public abstract record CudaProbeResult(IReadOnlyList<LibraryLoadResult> Libraries)
{
    public abstract bool IsAvailable { get; }

    /// <summary>One line for `eoi devices` and for test skip reasons.</summary>
    public abstract string Summary { get; }

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
    LibraryVersion DriverVersion,
    IReadOnlyList<CudaDeviceInfo> Devices,
    LibraryVersion CublasVersion,
    LibraryVersion CusparseVersion,
    LibraryVersion NvrtcVersion,
    IReadOnlyList<LibraryLoadResult> Libraries) : CudaProbeResult(Libraries)
{
    public override bool IsAvailable => true;

    public override string Summary =>
        $"CUDA available: driver {DriverVersion}, {Devices.Count} device(s): " +
        string.Join("; ", Devices) +
        $"; cuBLAS {CublasVersion}, cuSPARSE {CusparseVersion}, NVRTC {NvrtcVersion}";
}

/// <summary>Something needed is missing; <see cref="Reason"/> says what, in one line.</summary>
public sealed record CudaUnavailable(string Reason, IReadOnlyList<LibraryLoadResult> Libraries) : CudaProbeResult(Libraries)
{
    public override bool IsAvailable => false;

    public override string Summary => Reason;
}
