using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>A device's primary context, retained (cuDevicePrimaryCtxRetain) and released on dispose. The
/// primary context is the one the CUDA runtime, cuBLAS and cuSPARSE use too, so they all share memory.</summary>
public sealed class CudaContext : SafeHandle
{
    readonly int device;

    CudaContext(nint context, int device, CudaDeviceInfo info) : base(0, ownsHandle: true)
    {
        this.device = device;
        Device = info;
        SetHandle(context);
    }

    public CudaDeviceInfo Device { get; }

    public override bool IsInvalid => handle == 0;

    /// <summary>Throws <see cref="CudaUnavailableException"/> when there is no driver, and
    /// <see cref="CudaException"/> when the driver cannot give this device a context.</summary>
    public static CudaContext RetainPrimary(int ordinal = 0)
    {
        CudaLibraries.Require(CudaLibrary.Driver);
        CudaCheck.Driver(CudaDriverApi.cuInit(0));
        var info = CudaDevices.Query(ordinal, out int device);
        CudaCheck.Driver(CudaDriverApi.cuDevicePrimaryCtxRetain(out nint context, device));
        return new CudaContext(context, device, info);
    }

    /// <summary>Current on this thread until the scope is disposed.</summary>
    public ContextScope Enter() => new(this);

    /// <summary>Makes it current on this thread and leaves it so, for code that calls the raw API directly.</summary>
    public void MakeCurrent()
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        CudaCheck.Driver(CudaDriverApi.cuCtxSetCurrent(handle));
    }

    protected override bool ReleaseHandle() =>
        CudaDriverApi.cuDevicePrimaryCtxRelease_v2(device) == CudaResult.CUDA_SUCCESS;
}
