using Eoi.Core;

namespace Eoi.Cuda.Native;

/// <summary>Maps element types to cudaDataType_t and back to sizes.</summary>
public static class CudaDataTypes
{
    /// <summary>The data type of a float (CUDA_R_32F) or double (CUDA_R_64F): the two this project computes in.</summary>
    public static CudaDataType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? CudaDataType.CUDA_R_32F
        : typeof(T) == typeof(double) ? CudaDataType.CUDA_R_64F
        : throw new EoiArgumentException("T", $"T must be float or double; got {typeof(T).Name}");

    public static int SizeOf(CudaDataType type) => type switch
    {
        CudaDataType.CUDA_R_8I => 1,
        CudaDataType.CUDA_R_16F or CudaDataType.CUDA_R_16BF => 2,
        CudaDataType.CUDA_R_32F or CudaDataType.CUDA_R_32I => 4,
        CudaDataType.CUDA_R_64F => 8,
        _ => throw new EoiArgumentException(nameof(type), $"type must be a cudaDataType_t declared in CudaDataType; got {(int)type}"),
    };

    public static int SizeOf(CusparseIndexType type) => type switch
    {
        CusparseIndexType.CUSPARSE_INDEX_16U => 2,
        CusparseIndexType.CUSPARSE_INDEX_32I => 4,
        CusparseIndexType.CUSPARSE_INDEX_64I => 8,
        _ => throw new EoiArgumentException(nameof(type), $"type must be a cusparseIndexType_t declared in CusparseIndexType; got {(int)type}"),
    };
}
