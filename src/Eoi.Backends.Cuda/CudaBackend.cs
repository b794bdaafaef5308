using System.Diagnostics.CodeAnalysis;
using Eoi.Backends.Cuda.Kernels;
using Eoi.Backends.Cuda.Memory;
using Eoi.Backends.Cuda.Sparse;
using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda;

/// <summary>
/// The GPU backend: buffers in one device's primary context and every operation queued, in call order, on one
/// stream. Dense products go to cuBLAS, sparse ones to cuSPARSE's generic API, everything else to the CUDA C
/// kernels in Kernels/*.cu, compiled by NVRTC on first use. Results match <c>CpuBackend</c>'s in meaning and,
/// where README.md says so, in bits. Calls return before the GPU has run them; <see cref="Download{T}"/> and
/// <see cref="Synchronize"/> wait, and report any bad index a kernel met. One backend serves one thread.
/// </summary>
public sealed partial class CudaBackend : IBackend, IDisposable
{
    readonly CudaContext context;
    readonly CudaStream stream;
    readonly CublasHandle blas;
    readonly CusparseHandle sparse;
    readonly KernelLibrary library;
    readonly KernelRunner kernels;
    readonly CusparseProducts sparseProducts;
    readonly SparsePlans sparsePlans = new();
    readonly CudaBuffer indexReport;
    bool indexChecksPending;
    bool disposed;

    CudaBackend(int deviceOrdinal)
    {
        context = CudaContext.RetainPrimary(deviceOrdinal);
        try
        {
            stream = CudaStream.Create(context);
            Pool = new DevicePool(context, stream.Synchronize);
            blas = CublasHandle.Create(context);
            blas.SetStream(stream);
            blas.SetMathMode(CublasMath.CUBLAS_DEFAULT_MATH);
            sparse = CusparseHandle.Create(context);
            sparse.SetStream(stream);
            library = new KernelLibrary(new KernelCache(context));
            kernels = new KernelRunner(library, stream);
            sparseProducts = new CusparseProducts(context, sparse, bytes => DeviceAllocation.Allocate(context, bytes));
            // Allocating zero-fills with a kernel, so this also proves that NVRTC's PTX loads on this driver.
            indexReport = (CudaBuffer)Allocate(ElementType.Int32, IndexErrors.ReportLength);
            Synchronize();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Opens device <paramref name="deviceOrdinal"/>, or explains in one line why it cannot: the
    /// probe's reason when CUDA is missing, else what failed. A missing backend is a value, not a crash. On
    /// success <paramref name="reason"/> is the probe's summary of what was found.</summary>
    public static bool TryCreate([NotNullWhen(true)] out CudaBackend? backend, out string reason, int deviceOrdinal = 0)
    {
        backend = null;
        var probe = CudaProbe.Detect();
        reason = probe.Summary;
        if (probe is not CudaAvailable available) return false;
        if (deviceOrdinal < 0 || deviceOrdinal >= available.Devices.Count)
        {
            reason = $"CUDA unavailable: device ordinal must be in [0, {available.Devices.Count - 1}]; got {deviceOrdinal}";
            return false;
        }
        try
        {
            backend = new CudaBackend(deviceOrdinal);
            return true;
        }
        catch (Exception e) when (e is EoiException or EntryPointNotFoundException)
        {
            // A failing call or NVRTC compile (CudaException), a library that will not load
            // (CudaUnavailableException), or one too old to export a function the backend calls.
            reason = $"CUDA unavailable: {e.Message}";
            return false;
        }
    }

    public string Name => "cuda";

    public CudaDeviceInfo Device => context.Device;

    internal DevicePool Pool { get; }

    /// <summary>Waits until the GPU has run everything queued so far. A kernel fault surfaces here as a
    /// <see cref="CudaException"/>, a bad gather index or class label as the <see cref="EoiArgumentException"/>
    /// the CPU backend would have thrown at the call.</summary>
    public void Synchronize()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        stream.Synchronize();
        if (!indexChecksPending) return;
        indexChecksPending = false;
        Span<int> report = stackalloc int[IndexErrors.ReportLength];
        CopyToHost(indexReport, report);
        if (IndexErrors.Describe(report) is not { } error) return;
        FillWords(indexReport, 0);
        throw error;
    }

    /// <summary>The report's address for a kernel that checks indices; the next synchronisation reads it.</summary>
    DevicePointer IndexReport()
    {
        indexChecksPending = true;
        return indexReport.Pointer;
    }

    /// <summary>Frees the handles, compiled kernels, cached blocks and workspaces. Buffers still alive keep the
    /// context alive until they are disposed or collected.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        // Fields are null here when the constructor failed part-way.
        WaitQuietly();
        indexReport?.Dispose();
        sparsePlans.Dispose();
        Pool?.Dispose();
        library?.Dispose();
        sparse?.Dispose();
        blas?.Dispose();
        stream?.Dispose();
        context.Dispose();
    }

    /// <summary>Lets queued work finish before its memory is freed. A fault it reports was the caller's to see at
    /// their last synchronisation; disposing goes on regardless.</summary>
    void WaitQuietly()
    {
        try
        {
            stream?.Synchronize();
        }
        catch (CudaException)
        {
        }
    }
}
