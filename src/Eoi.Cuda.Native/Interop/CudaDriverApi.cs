using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>The CUDA driver API (cuda.h) entry points used here, by their exported names: the _v2 names are
/// what cuda.h's macros turn the plain names into, and the only ones with 64-bit sizes and pointers.
/// Call <see cref="CudaLibraries.Require"/> (or go through the handle classes) first, or a missing driver
/// surfaces as DllNotFoundException at the first call.</summary>
public static unsafe partial class CudaDriverApi
{
    static CudaDriverApi() => CudaLibraries.EnsureResolverInstalled();

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuInit(uint flags);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuDriverGetVersion(out int driverVersion);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuDeviceGetCount(out int count);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuDeviceGet(out int device, int ordinal);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuDeviceGetName(byte* name, int length, int device);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuDeviceTotalMem_v2(out nuint bytes, int device);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuDeviceGetAttribute(out int value, CudaDeviceAttribute attribute, int device);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuDevicePrimaryCtxRetain(out nint context, int device);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuDevicePrimaryCtxRelease_v2(int device);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuCtxSetCurrent(nint context);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuCtxPushCurrent_v2(nint context);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuCtxPopCurrent_v2(out nint context);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuStreamCreate(out nint stream, CudaStreamFlags flags);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuStreamDestroy_v2(nint stream);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuStreamSynchronize(nint stream);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuMemAlloc_v2(out DevicePointer pointer, nuint bytes);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuMemFree_v2(DevicePointer pointer);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuMemcpyHtoD_v2(DevicePointer destination, void* source, nuint bytes);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuMemcpyDtoH_v2(void* destination, DevicePointer source, nuint bytes);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuMemcpyHtoDAsync_v2(DevicePointer destination, void* source, nuint bytes, nint stream);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuMemcpyDtoHAsync_v2(void* destination, DevicePointer source, nuint bytes, nint stream);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuMemsetD8_v2(DevicePointer destination, byte value, nuint count);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuMemsetD32_v2(DevicePointer destination, uint value, nuint count);

    /// <summary><paramref name="image"/> is a NUL-terminated PTX string, a cubin or a fatbin.</summary>
    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuModuleLoadData(out nint module, void* image);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuModuleGetFunction(out nint function, nint module, byte* name);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuModuleUnload(nint module);

    /// <summary><paramref name="kernelParams"/> holds one pointer per kernel parameter, pointing at its value.</summary>
    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuLaunchKernel(
        nint function,
        uint gridDimX, uint gridDimY, uint gridDimZ,
        uint blockDimX, uint blockDimY, uint blockDimZ,
        uint sharedMemBytes, nint stream, void** kernelParams, void** extra);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuGetErrorName(CudaResult error, out byte* name);

    [LibraryImport(ImportNames.Driver)]
    public static partial CudaResult cuGetErrorString(CudaResult error, out byte* description);
}
