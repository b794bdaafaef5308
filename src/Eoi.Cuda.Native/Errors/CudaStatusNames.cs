using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>Status names as NVIDIA spells them. Values in our enums are named by the enum; a value we do not
/// declare is named by the library itself when it is loaded, and by its number otherwise.</summary>
public static unsafe class CudaStatusNames
{
    public static string Of(CudaResult result)
    {
        if (Enum.IsDefined(result)) return result.ToString();
        if (CudaLibraries.IsBound(CudaLibrary.Driver) && CudaDriverApi.cuGetErrorName(result, out byte* name) == CudaResult.CUDA_SUCCESS)
            return Utf8(name) ?? Unknown("CUresult");
        return Unknown("CUresult");
    }

    public static string Of(CublasStatus status) =>
        Enum.IsDefined(status) ? status.ToString() : Unknown("cublasStatus_t");

    public static string Of(CusparseStatus status)
    {
        if (Enum.IsDefined(status)) return status.ToString();
        return CudaLibraries.IsBound(CudaLibrary.Cusparse)
            ? Utf8(CusparseApi.cusparseGetErrorName(status)) ?? Unknown("cusparseStatus_t")
            : Unknown("cusparseStatus_t");
    }

    public static string Of(NvrtcResult result)
    {
        if (Enum.IsDefined(result)) return result.ToString();
        return CudaLibraries.IsBound(CudaLibrary.Nvrtc)
            ? Utf8(NvrtcApi.nvrtcGetErrorString(result)) ?? Unknown("nvrtcResult")
            : Unknown("nvrtcResult");
    }

    /// <summary>The driver's sentence for a status ("out of memory"), when the driver is loaded.</summary>
    public static string? DriverDescription(CudaResult result) =>
        CudaLibraries.IsBound(CudaLibrary.Driver) && CudaDriverApi.cuGetErrorString(result, out byte* text) == CudaResult.CUDA_SUCCESS
            ? Utf8(text)
            : null;

    static string Unknown(string type) => $"unknown {type}";

    static string? Utf8(byte* text) => text is null ? null : Marshal.PtrToStringUTF8((nint)text);
}
