using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

/// <summary>Every enum member against the number NVIDIA's headers give it (cuda.h, cublas_api.h, cusparse.h,
/// nvrtc.h, library_types.h). A wrong number here would pass the wrong value across the ABI silently.</summary>
public class EnumValueTests
{
    static readonly (Enum Member, int Value)[] Documented =
    [
        (CudaResult.CUDA_SUCCESS, 0), (CudaResult.CUDA_ERROR_INVALID_VALUE, 1), (CudaResult.CUDA_ERROR_OUT_OF_MEMORY, 2),
        (CudaResult.CUDA_ERROR_NOT_INITIALIZED, 3), (CudaResult.CUDA_ERROR_DEINITIALIZED, 4), (CudaResult.CUDA_ERROR_PROFILER_DISABLED, 5),
        (CudaResult.CUDA_ERROR_STUB_LIBRARY, 34), (CudaResult.CUDA_ERROR_DEVICE_UNAVAILABLE, 46), (CudaResult.CUDA_ERROR_NO_DEVICE, 100),
        (CudaResult.CUDA_ERROR_INVALID_DEVICE, 101), (CudaResult.CUDA_ERROR_DEVICE_NOT_LICENSED, 102), (CudaResult.CUDA_ERROR_INVALID_IMAGE, 200),
        (CudaResult.CUDA_ERROR_INVALID_CONTEXT, 201), (CudaResult.CUDA_ERROR_NO_BINARY_FOR_GPU, 209), (CudaResult.CUDA_ERROR_ECC_UNCORRECTABLE, 214),
        (CudaResult.CUDA_ERROR_INVALID_PTX, 218), (CudaResult.CUDA_ERROR_JIT_COMPILER_NOT_FOUND, 221), (CudaResult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION, 222),
        (CudaResult.CUDA_ERROR_INVALID_SOURCE, 300), (CudaResult.CUDA_ERROR_FILE_NOT_FOUND, 301), (CudaResult.CUDA_ERROR_INVALID_HANDLE, 400),
        (CudaResult.CUDA_ERROR_ILLEGAL_STATE, 401), (CudaResult.CUDA_ERROR_NOT_FOUND, 500), (CudaResult.CUDA_ERROR_NOT_READY, 600),
        (CudaResult.CUDA_ERROR_ILLEGAL_ADDRESS, 700), (CudaResult.CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES, 701), (CudaResult.CUDA_ERROR_LAUNCH_TIMEOUT, 702),
        (CudaResult.CUDA_ERROR_HARDWARE_STACK_ERROR, 714), (CudaResult.CUDA_ERROR_ILLEGAL_INSTRUCTION, 715), (CudaResult.CUDA_ERROR_MISALIGNED_ADDRESS, 716),
        (CudaResult.CUDA_ERROR_INVALID_ADDRESS_SPACE, 717), (CudaResult.CUDA_ERROR_INVALID_PC, 718), (CudaResult.CUDA_ERROR_LAUNCH_FAILED, 719),
        (CudaResult.CUDA_ERROR_NOT_PERMITTED, 800), (CudaResult.CUDA_ERROR_NOT_SUPPORTED, 801), (CudaResult.CUDA_ERROR_SYSTEM_NOT_READY, 802),
        (CudaResult.CUDA_ERROR_SYSTEM_DRIVER_MISMATCH, 803), (CudaResult.CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE, 804), (CudaResult.CUDA_ERROR_UNKNOWN, 999),

        (CudaDeviceAttribute.CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK, 1), (CudaDeviceAttribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, 16),
        (CudaDeviceAttribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, 75), (CudaDeviceAttribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, 76),
        (CudaStreamFlags.CU_STREAM_DEFAULT, 0), (CudaStreamFlags.CU_STREAM_NON_BLOCKING, 1),

        (CudaDataType.CUDA_R_32F, 0), (CudaDataType.CUDA_R_64F, 1), (CudaDataType.CUDA_R_16F, 2), (CudaDataType.CUDA_R_8I, 3),
        (CudaDataType.CUDA_R_32I, 10), (CudaDataType.CUDA_R_16BF, 14),
        (LibraryPropertyType.MAJOR_VERSION, 0), (LibraryPropertyType.MINOR_VERSION, 1), (LibraryPropertyType.PATCH_LEVEL, 2),

        (CublasStatus.CUBLAS_STATUS_SUCCESS, 0), (CublasStatus.CUBLAS_STATUS_NOT_INITIALIZED, 1), (CublasStatus.CUBLAS_STATUS_ALLOC_FAILED, 3),
        (CublasStatus.CUBLAS_STATUS_INVALID_VALUE, 7), (CublasStatus.CUBLAS_STATUS_ARCH_MISMATCH, 8), (CublasStatus.CUBLAS_STATUS_MAPPING_ERROR, 11),
        (CublasStatus.CUBLAS_STATUS_EXECUTION_FAILED, 13), (CublasStatus.CUBLAS_STATUS_INTERNAL_ERROR, 14), (CublasStatus.CUBLAS_STATUS_NOT_SUPPORTED, 15),
        (CublasStatus.CUBLAS_STATUS_LICENSE_ERROR, 16),
        (CublasOperation.CUBLAS_OP_N, 0), (CublasOperation.CUBLAS_OP_T, 1), (CublasOperation.CUBLAS_OP_C, 2), (CublasOperation.CUBLAS_OP_CONJG, 3),
        (CublasMath.CUBLAS_DEFAULT_MATH, 0), (CublasMath.CUBLAS_TENSOR_OP_MATH, 1), (CublasMath.CUBLAS_PEDANTIC_MATH, 2),
        (CublasMath.CUBLAS_TF32_TENSOR_OP_MATH, 3), (CublasMath.CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION, 16),

        (CusparseStatus.CUSPARSE_STATUS_SUCCESS, 0), (CusparseStatus.CUSPARSE_STATUS_NOT_INITIALIZED, 1), (CusparseStatus.CUSPARSE_STATUS_ALLOC_FAILED, 2),
        (CusparseStatus.CUSPARSE_STATUS_INVALID_VALUE, 3), (CusparseStatus.CUSPARSE_STATUS_ARCH_MISMATCH, 4), (CusparseStatus.CUSPARSE_STATUS_MAPPING_ERROR, 5),
        (CusparseStatus.CUSPARSE_STATUS_EXECUTION_FAILED, 6), (CusparseStatus.CUSPARSE_STATUS_INTERNAL_ERROR, 7),
        (CusparseStatus.CUSPARSE_STATUS_MATRIX_TYPE_NOT_SUPPORTED, 8), (CusparseStatus.CUSPARSE_STATUS_ZERO_PIVOT, 9),
        (CusparseStatus.CUSPARSE_STATUS_NOT_SUPPORTED, 10), (CusparseStatus.CUSPARSE_STATUS_INSUFFICIENT_RESOURCES, 11),
        (CusparseOperation.CUSPARSE_OPERATION_NON_TRANSPOSE, 0), (CusparseOperation.CUSPARSE_OPERATION_TRANSPOSE, 1),
        (CusparseOperation.CUSPARSE_OPERATION_CONJUGATE_TRANSPOSE, 2),
        (CusparseIndexType.CUSPARSE_INDEX_16U, 1), (CusparseIndexType.CUSPARSE_INDEX_32I, 2), (CusparseIndexType.CUSPARSE_INDEX_64I, 3),
        (CusparseIndexBase.CUSPARSE_INDEX_BASE_ZERO, 0), (CusparseIndexBase.CUSPARSE_INDEX_BASE_ONE, 1),
        (CusparseOrder.CUSPARSE_ORDER_COL, 1), (CusparseOrder.CUSPARSE_ORDER_ROW, 2),
        (CusparseSpMMAlgorithm.CUSPARSE_SPMM_ALG_DEFAULT, 0), (CusparseSpMMAlgorithm.CUSPARSE_SPMM_COO_ALG1, 1),
        (CusparseSpMMAlgorithm.CUSPARSE_SPMM_COO_ALG2, 2), (CusparseSpMMAlgorithm.CUSPARSE_SPMM_COO_ALG3, 3),
        (CusparseSpMMAlgorithm.CUSPARSE_SPMM_CSR_ALG1, 4), (CusparseSpMMAlgorithm.CUSPARSE_SPMM_COO_ALG4, 5),
        (CusparseSpMMAlgorithm.CUSPARSE_SPMM_CSR_ALG2, 6), (CusparseSpMMAlgorithm.CUSPARSE_SPMM_CSR_ALG3, 12),
        (CusparseSpMMAlgorithm.CUSPARSE_SPMM_BLOCKED_ELL_ALG1, 13),
        (CusparseSddmmAlgorithm.CUSPARSE_SDDMM_ALG_DEFAULT, 0),

        (NvrtcResult.NVRTC_SUCCESS, 0), (NvrtcResult.NVRTC_ERROR_OUT_OF_MEMORY, 1), (NvrtcResult.NVRTC_ERROR_PROGRAM_CREATION_FAILURE, 2),
        (NvrtcResult.NVRTC_ERROR_INVALID_INPUT, 3), (NvrtcResult.NVRTC_ERROR_INVALID_PROGRAM, 4), (NvrtcResult.NVRTC_ERROR_INVALID_OPTION, 5),
        (NvrtcResult.NVRTC_ERROR_COMPILATION, 6), (NvrtcResult.NVRTC_ERROR_BUILTIN_OPERATION_FAILURE, 7),
        (NvrtcResult.NVRTC_ERROR_NO_NAME_EXPRESSIONS_AFTER_COMPILATION, 8), (NvrtcResult.NVRTC_ERROR_NO_LOWERED_NAMES_BEFORE_COMPILATION, 9),
        (NvrtcResult.NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID, 10), (NvrtcResult.NVRTC_ERROR_INTERNAL_ERROR, 11),
        (NvrtcResult.NVRTC_ERROR_TIME_FILE_WRITE_FAILED, 12), (NvrtcResult.NVRTC_ERROR_NO_PCH_CREATE_ATTEMPTED, 13),
        (NvrtcResult.NVRTC_ERROR_PCH_CREATE_HEAP_EXHAUSTED, 14), (NvrtcResult.NVRTC_ERROR_PCH_CREATE, 15),
        (NvrtcResult.NVRTC_ERROR_CANCELLED, 16), (NvrtcResult.NVRTC_ERROR_TIME_TRACE_FILE_WRITE_FAILED, 17),
    ];

    static IEnumerable<Type> InteropEnums =>
        typeof(CudaResult).Assembly.GetExportedTypes().Where(t => t.IsEnum && Enum.GetNames(t).Any(name => name.Contains('_')));

    [Fact]
    public void EveryMemberHasItsDocumentedValue()
    {
        var wrong = Documented.Where(d => Convert.ToInt32(d.Member) != d.Value)
            .Select(d => $"{d.Member.GetType().Name}.{d.Member} = {Convert.ToInt32(d.Member)}, documented {d.Value}");
        Assert.Empty(wrong);
    }

    [Fact]
    public void EveryMemberOfEveryInteropEnumIsChecked()
    {
        var checkedMembers = Documented.Select(d => (d.Member.GetType(), d.Member.ToString())).ToHashSet();
        var unchecked_ = InteropEnums
            .SelectMany(type => Enum.GetNames(type).Select(name => (type, name)))
            .Where(member => !checkedMembers.Contains(member))
            .Select(member => $"{member.type.Name}.{member.name}");
        Assert.Empty(unchecked_);
    }

    [Fact]
    public void InteropEnumsAreFourBytesLikeCEnums()
    {
        foreach (var type in InteropEnums)
            Assert.True(System.Runtime.InteropServices.Marshal.SizeOf(Enum.GetUnderlyingType(type)) == 4, $"{type.Name} is not 4 bytes");
    }

    [Fact]
    public void StatusNamesAreTheDocumentedIdentifiers()
    {
        Assert.Equal("CUSPARSE_STATUS_INVALID_VALUE", CudaStatusNames.Of(CusparseStatus.CUSPARSE_STATUS_INVALID_VALUE));
        Assert.Equal("CUBLAS_STATUS_EXECUTION_FAILED", CudaStatusNames.Of(CublasStatus.CUBLAS_STATUS_EXECUTION_FAILED));
        Assert.Equal("NVRTC_ERROR_COMPILATION", CudaStatusNames.Of(NvrtcResult.NVRTC_ERROR_COMPILATION));
        Assert.Equal("CUDA_ERROR_OUT_OF_MEMORY", CudaStatusNames.Of(CudaResult.CUDA_ERROR_OUT_OF_MEMORY));
    }
}
