using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>Reads one device's description from the driver (cuInit must have succeeded).</summary>
static unsafe class CudaDevices
{
    const int NameCapacity = 256;

    public static CudaDeviceInfo Query(int ordinal, out int device)
    {
        CudaCheck.Driver(CudaDriverApi.cuDeviceGet(out device, ordinal));
        byte* name = stackalloc byte[NameCapacity];
        CudaCheck.Driver(CudaDriverApi.cuDeviceGetName(name, NameCapacity, device));
        CudaCheck.Driver(CudaDriverApi.cuDeviceTotalMem_v2(out nuint bytes, device));
        CudaCheck.Driver(CudaDriverApi.cuDeviceGetAttribute(out int major, CudaDeviceAttribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device));
        CudaCheck.Driver(CudaDriverApi.cuDeviceGetAttribute(out int minor, CudaDeviceAttribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device));
        return new CudaDeviceInfo(ordinal, Marshal.PtrToStringUTF8((nint)name) ?? "", (long)bytes, new ComputeCapability(major, minor));
    }
}
