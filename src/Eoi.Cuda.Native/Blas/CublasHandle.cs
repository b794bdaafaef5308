namespace Eoi.Cuda.Native;

/// <summary>A cuBLAS handle (cublasCreate_v2), bound to its context's device, destroyed on dispose.</summary>
public sealed unsafe class CublasHandle : ContextBoundHandle
{
    CublasHandle(CudaContext context) : base(context) { }

    public static CublasHandle Create(CudaContext context)
    {
        CudaLibraries.Require(CudaLibrary.Cublas);
        return Create(new CublasHandle(context), () =>
        {
            using var scope = context.Enter();
            CudaCheck.Cublas(CublasApi.cublasCreate_v2(out nint handle));
            return handle;
        });
    }

    /// <summary>cublasGetVersion_v2: major * 10000 + minor * 100 + patch, e.g. 120405 for 12.4.5.</summary>
    public int Version
    {
        get
        {
            using var scope = Context.Enter();
            CudaCheck.Cublas(CublasApi.cublasGetVersion_v2(Raw, out int version));
            return version;
        }
    }

    public void SetStream(CudaStream? stream)
    {
        using var scope = Context.Enter();
        CudaCheck.Cublas(CublasApi.cublasSetStream_v2(Raw, CudaStream.RawHandle(stream)));
    }

    public void SetMathMode(CublasMath mode)
    {
        using var scope = Context.Enter();
        CudaCheck.Cublas(CublasApi.cublasSetMathMode(Raw, mode));
    }

    /// <summary>C = alpha·op(A)·op(B) + beta·C in column-major storage, op(A) m×k, op(B) k×n, C m×n; float runs
    /// cublasSgemm, double cublasDgemm. (Row-major data: compute Cᵀ = Bᵀ·Aᵀ by swapping the operands.)</summary>
    public void Gemm<T>(
        CublasOperation transA, CublasOperation transB, int m, int n, int k,
        T alpha, DeviceAllocation a, int lda, DeviceAllocation b, int ldb,
        T beta, DeviceAllocation c, int ldc) where T : unmanaged
    {
        var type = CudaDataTypes.Of<T>();
        int size = sizeof(T);
        bool plainA = transA == CublasOperation.CUBLAS_OP_N, plainB = transB == CublasOperation.CUBLAS_OP_N;
        DeviceGuard.Holds(a, DeviceGuard.MatrixBytes(plainA ? k : m, plainA ? m : k, lda, size, nameof(a)), nameof(a));
        DeviceGuard.Holds(b, DeviceGuard.MatrixBytes(plainB ? n : k, plainB ? k : n, ldb, size, nameof(b)), nameof(b));
        DeviceGuard.Holds(c, DeviceGuard.MatrixBytes(n, m, ldc, size, nameof(c)), nameof(c));

        using var scope = Context.Enter();
        if (type == CudaDataType.CUDA_R_32F)
            CudaCheck.Cublas(CublasApi.cublasSgemm_v2(Raw, transA, transB, m, n, k,
                (float*)&alpha, a.Pointer, lda, b.Pointer, ldb, (float*)&beta, c.Pointer, ldc));
        else
            CudaCheck.Cublas(CublasApi.cublasDgemm_v2(Raw, transA, transB, m, n, k,
                (double*)&alpha, a.Pointer, lda, b.Pointer, ldb, (double*)&beta, c.Pointer, ldc));
    }

    protected override bool ReleaseInContext(nint native) =>
        CublasApi.cublasDestroy_v2(native) == CublasStatus.CUBLAS_STATUS_SUCCESS;
}
