using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Sparse;

/// <summary>
/// The two cuSPARSE generic-API products of a sparse layer, on row-major dense operands: SpMM for the forward
/// (and, with the transposed structure, for the input gradient) and SDDMM for the weight gradient on the mask.
/// Descriptors are made per call (<see cref="DescriptorScope"/>); workspaces come from the pattern's
/// <see cref="PatternPlan"/>. The sparse operand is never transposed: cuSPARSE documents SpMM with a
/// transposed CSR matrix as not reproducible from run to run, and the backend is given W^T's own structure.
/// The default algorithms are used; both are deterministic for these operations.
/// </summary>
sealed unsafe class CusparseProducts(CudaContext context, CusparseHandle handle, Func<long, DeviceAllocation> allocate)
{
    const CusparseOperation Plain = CusparseOperation.CUSPARSE_OPERATION_NON_TRANSPOSE;
    const CusparseOperation Transposed = CusparseOperation.CUSPARSE_OPERATION_TRANSPOSE;
    const CusparseSpMMAlgorithm SpmmAlgorithm = CusparseSpMMAlgorithm.CUSPARSE_SPMM_ALG_DEFAULT;
    const CusparseSddmmAlgorithm SddmmAlgorithm = CusparseSddmmAlgorithm.CUSPARSE_SDDMM_ALG_DEFAULT;

    /// <summary>C [a.Rows x n] = A B + beta C, B [a.Cols x n]. C must already be zero when beta is 0
    /// (0 times a stale NaN would still be NaN).</summary>
    public void Spmm(PatternPlan plan, ElementType type, CsrOperand a, int n, DevicePointer b, DevicePointer c, double beta)
    {
        var dataType = DataType(type);
        // alpha = 1 and beta in the compute type, read by cuSPARSE through host pointers (the default mode).
        float alpha32 = 1, beta32 = (float)beta;
        double alpha64 = 1, beta64 = beta;
        void* alpha = type == ElementType.Float32 ? &alpha32 : &alpha64;
        void* scale = type == ElementType.Float32 ? &beta32 : &beta64;

        using var scope = context.Enter();
        using var descriptors = new DescriptorScope();
        nint sparse = descriptors.Csr(a, dataType);
        nint dense = descriptors.RowMajor(a.Cols, n, b, dataType);
        nint output = descriptors.RowMajor(a.Rows, n, c, dataType);
        nint raw = handle.DangerousGetHandle();
        if (!plan.TryGetWorkspace(SparseProduct.Spmm, n, type, out var workspace))
        {
            CudaCheck.Cusparse(CusparseApi.cusparseSpMM_bufferSize(raw, Plain, Plain, alpha, sparse, dense, scale, output,
                dataType, SpmmAlgorithm, out nuint bytes));
            workspace = bytes > 0 ? allocate((long)bytes) : null;
            plan.AddWorkspace(SparseProduct.Spmm, n, type, workspace);
        }
        CudaCheck.Cusparse(CusparseApi.cusparseSpMM(raw, Plain, Plain, alpha, sparse, dense, scale, output,
            dataType, SpmmAlgorithm, workspace?.Pointer ?? DevicePointer.Null));
    }

    /// <summary>values[p] = dot(X[r, :], Y[col, :]) for each stored (r, col) of the pattern, X [rows x n],
    /// Y [cols x n]: SDDMM with op(B) = Y^T, cuSPARSE's transpose of the row-major Y. The values must
    /// already be zero (beta is 0, but 0 times a stale NaN would still be NaN).</summary>
    public void Sddmm(PatternPlan plan, ElementType type, CsrOperand pattern, int n, DevicePointer x, DevicePointer y)
    {
        var dataType = DataType(type);
        float alpha32 = 1, beta32 = 0;
        double alpha64 = 1, beta64 = 0;
        void* alpha = type == ElementType.Float32 ? &alpha32 : &alpha64;
        void* scale = type == ElementType.Float32 ? &beta32 : &beta64;

        using var scope = context.Enter();
        using var descriptors = new DescriptorScope();
        nint left = descriptors.RowMajor(pattern.Rows, n, x, dataType);
        nint right = descriptors.RowMajor(pattern.Cols, n, y, dataType);
        nint output = descriptors.Csr(pattern, dataType);
        nint raw = handle.DangerousGetHandle();
        if (!plan.TryGetWorkspace(SparseProduct.Sddmm, n, type, out var workspace))
        {
            CudaCheck.Cusparse(CusparseApi.cusparseSDDMM_bufferSize(raw, Plain, Transposed, alpha, left, right, scale, output,
                dataType, SddmmAlgorithm, out nuint bytes));
            workspace = bytes > 0 ? allocate((long)bytes) : null;
            plan.AddWorkspace(SparseProduct.Sddmm, n, type, workspace);
        }
        CudaCheck.Cusparse(CusparseApi.cusparseSDDMM(raw, Plain, Transposed, alpha, left, right, scale, output,
            dataType, SddmmAlgorithm, workspace?.Pointer ?? DevicePointer.Null));
    }

    static CudaDataType DataType(ElementType type) =>
        type == ElementType.Float32 ? CudaDataType.CUDA_R_32F : CudaDataType.CUDA_R_64F;
}
