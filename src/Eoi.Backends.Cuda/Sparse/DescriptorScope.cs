using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Sparse;

/// <summary>
/// cuSPARSE generic-API descriptors for one call, destroyed together at the end of it. They are host-side
/// structs holding device addresses, cheap to create, and they are made per call because the operands'
/// addresses change from call to call (activations are new buffers each step) while the Eoi.Cuda.Native layer
/// does not bind cusparseSpMatSetValues / cusparseDnMatSetValues, which would let a cached descriptor be
/// re-pointed. The raw API is used rather than <see cref="SparseMatrixDescriptor"/> and
/// <see cref="DenseMatrixDescriptor"/> because those take whole allocations and an operand may be a slice.
/// </summary>
sealed class DescriptorScope : IDisposable
{
    readonly List<nint> sparse = [];
    readonly List<nint> dense = [];

    /// <summary>Zero-based CSR with Int32 offsets and indices.</summary>
    public nint Csr(CsrOperand matrix, CudaDataType valueType)
    {
        CudaCheck.Cusparse(CusparseApi.cusparseCreateCsr(out nint descriptor, matrix.Rows, matrix.Cols, matrix.NonZeros,
            matrix.RowOffsets, matrix.ColumnIndices, matrix.Values,
            CusparseIndexType.CUSPARSE_INDEX_32I, CusparseIndexType.CUSPARSE_INDEX_32I,
            CusparseIndexBase.CUSPARSE_INDEX_BASE_ZERO, valueType));
        sparse.Add(descriptor);
        return descriptor;
    }

    /// <summary>A dense row-major rows x cols matrix with no padding between rows.</summary>
    public nint RowMajor(long rows, long cols, DevicePointer values, CudaDataType valueType)
    {
        CudaCheck.Cusparse(CusparseApi.cusparseCreateDnMat(out nint descriptor, rows, cols, cols, values, valueType,
            CusparseOrder.CUSPARSE_ORDER_ROW));
        dense.Add(descriptor);
        return descriptor;
    }

    public void Dispose()
    {
        foreach (var descriptor in sparse) CusparseApi.cusparseDestroySpMat(descriptor);
        foreach (var descriptor in dense) CusparseApi.cusparseDestroyDnMat(descriptor);
    }
}
