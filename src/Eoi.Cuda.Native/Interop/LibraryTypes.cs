namespace Eoi.Cuda.Native;

// Values from library_types.h, shared by cuBLAS and cuSPARSE.

/// <summary>cudaDataType_t: the real types. Note CUDA_R_32F is 0, not 1.</summary>
public enum CudaDataType
{
    CUDA_R_32F = 0,
    CUDA_R_64F = 1,
    CUDA_R_16F = 2,
    CUDA_R_8I = 3,
    CUDA_R_32I = 10,
    CUDA_R_16BF = 14,
}

/// <summary>libraryPropertyType_t, for cublasGetProperty / cusparseGetProperty (which need no handle).</summary>
public enum LibraryPropertyType
{
    MAJOR_VERSION = 0,
    MINOR_VERSION = 1,
    PATCH_LEVEL = 2,
}
