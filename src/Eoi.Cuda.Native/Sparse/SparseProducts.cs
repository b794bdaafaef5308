namespace Eoi.Cuda.Native;

/// <summary>SpMM: C = alpha·op(A)·op(B) + beta·C with A sparse (CSR) and B, C dense. The scalar type picks
/// the compute type (float: CUDA_R_32F, double: CUDA_R_64F).</summary>
public sealed record SpMM<T>(SparseMatrixDescriptor A, DenseMatrixDescriptor B, DenseMatrixDescriptor C, T Alpha, T Beta)
    where T : unmanaged
{
    public CusparseOperation OpA { get; init; } = CusparseOperation.CUSPARSE_OPERATION_NON_TRANSPOSE;
    public CusparseOperation OpB { get; init; } = CusparseOperation.CUSPARSE_OPERATION_NON_TRANSPOSE;
    public CusparseSpMMAlgorithm Algorithm { get; init; } = CusparseSpMMAlgorithm.CUSPARSE_SPMM_ALG_DEFAULT;
}

/// <summary>SDDMM: C = alpha·(op(A)·op(B)) ∘ spy(C) + beta·C with A, B dense and C sparse (CSR): the product
/// is computed only where C has entries, which is how a sparse layer's weight gradient is formed.</summary>
public sealed record Sddmm<T>(DenseMatrixDescriptor A, DenseMatrixDescriptor B, SparseMatrixDescriptor C, T Alpha, T Beta)
    where T : unmanaged
{
    public CusparseOperation OpA { get; init; } = CusparseOperation.CUSPARSE_OPERATION_NON_TRANSPOSE;
    public CusparseOperation OpB { get; init; } = CusparseOperation.CUSPARSE_OPERATION_NON_TRANSPOSE;
    public CusparseSddmmAlgorithm Algorithm { get; init; } = CusparseSddmmAlgorithm.CUSPARSE_SDDMM_ALG_DEFAULT;
}
