using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>The cuBLAS v2 API (cublas_api.h) entry points used here, by their exported names. Matrices are
/// column-major; alpha and beta are host pointers (the default pointer mode).</summary>
public static unsafe partial class CublasApi
{
    static CublasApi() => CudaLibraries.EnsureResolverInstalled();

    [LibraryImport(ImportNames.Cublas)]
    public static partial CublasStatus cublasCreate_v2(out nint handle);

    [LibraryImport(ImportNames.Cublas)]
    public static partial CublasStatus cublasDestroy_v2(nint handle);

    [LibraryImport(ImportNames.Cublas)]
    public static partial CublasStatus cublasSetStream_v2(nint handle, nint stream);

    [LibraryImport(ImportNames.Cublas)]
    public static partial CublasStatus cublasGetVersion_v2(nint handle, out int version);

    /// <summary>Needs no handle, so the probe can read the version without touching a device.</summary>
    [LibraryImport(ImportNames.Cublas)]
    public static partial CublasStatus cublasGetProperty(LibraryPropertyType type, out int value);

    [LibraryImport(ImportNames.Cublas)]
    public static partial CublasStatus cublasSetMathMode(nint handle, CublasMath mode);

    [LibraryImport(ImportNames.Cublas)]
    public static partial CublasStatus cublasSgemm_v2(
        nint handle, CublasOperation transa, CublasOperation transb, int m, int n, int k,
        float* alpha, DevicePointer a, int lda, DevicePointer b, int ldb,
        float* beta, DevicePointer c, int ldc);

    [LibraryImport(ImportNames.Cublas)]
    public static partial CublasStatus cublasDgemm_v2(
        nint handle, CublasOperation transa, CublasOperation transb, int m, int n, int k,
        double* alpha, DevicePointer a, int lda, DevicePointer b, int ldb,
        double* beta, DevicePointer c, int ldc);
}
