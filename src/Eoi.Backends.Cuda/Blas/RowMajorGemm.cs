using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Blas;

/// <summary>
/// Row-major C [m x n] = op(A) op(B) + beta C through column-major cuBLAS. A row-major matrix read as
/// column-major is its transpose, so computing C^T = op(B)^T op(A)^T in column-major is the row-major product
/// with no copy: pass B first and A second, with m and n swapped. Each operand's leading dimension is its
/// stored row length: k or n for an untransposed A or B, m or k for a transposed one.
/// </summary>
/// <remarks>
/// This calls cublasSgemm_v2 / cublasDgemm_v2 directly rather than <see cref="CublasHandle.Gemm{T}"/>, which
/// takes whole allocations: a backend operand may be a slice, i.e. an address inside one (a convolution's
/// per-image output, for instance). Lengths were checked by the backend beforehand, so no call reaches past a
/// buffer. The handle's math mode is CUBLAS_DEFAULT_MATH: no TF32, so float32 products keep float32 accuracy.
/// </remarks>
static unsafe class RowMajorGemm
{
    public static void Run(CudaContext context, CublasHandle handle, ElementType type, bool transposeA, bool transposeB,
        int m, int n, int k, DevicePointer a, DevicePointer b, DevicePointer c, double beta)
    {
        var opA = transposeA ? CublasOperation.CUBLAS_OP_T : CublasOperation.CUBLAS_OP_N;
        var opB = transposeB ? CublasOperation.CUBLAS_OP_T : CublasOperation.CUBLAS_OP_N;
        int lda = transposeA ? m : k, ldb = transposeB ? k : n;
        using var scope = context.Enter();
        nint raw = handle.DangerousGetHandle();
        if (type == ElementType.Float32)
        {
            float one = 1, scale = (float)beta;
            CudaCheck.Cublas(CublasApi.cublasSgemm_v2(raw, opB, opA, n, m, k, &one, b, ldb, a, lda, &scale, c, n));
        }
        else
        {
            double one = 1, scale = beta;
            CudaCheck.Cublas(CublasApi.cublasDgemm_v2(raw, opB, opA, n, m, k, &one, b, ldb, a, lda, &scale, c, n));
        }
    }
}
