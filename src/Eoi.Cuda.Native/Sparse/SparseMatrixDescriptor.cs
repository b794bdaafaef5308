namespace Eoi.Cuda.Native;

/// <summary>A cuSPARSE CSR matrix descriptor over three device buffers, which it keeps alive: the descriptor
/// holds their addresses, so freeing one first would leave it pointing at released memory.</summary>
public sealed class SparseMatrixDescriptor : DependentHandle
{
    SparseMatrixDescriptor(long rows, long columns, long nonZeros, DeviceAllocation rowOffsets, DeviceAllocation columnIndices, DeviceAllocation values)
        : base(rowOffsets, columnIndices, values)
    {
        Rows = rows;
        Columns = columns;
        NonZeros = nonZeros;
    }

    public long Rows { get; }
    public long Columns { get; }
    public long NonZeros { get; }

    /// <summary>Zero-based CSR: rowOffsets has rows + 1 entries, columnIndices and values one per non-zero.</summary>
    public static SparseMatrixDescriptor Csr(
        long rows, long columns, long nonZeros,
        DeviceAllocation rowOffsets, DeviceAllocation columnIndices, DeviceAllocation values,
        CudaDataType valueType, CusparseIndexType indexType = CusparseIndexType.CUSPARSE_INDEX_32I)
    {
        CudaLibraries.Require(CudaLibrary.Cusparse);
        DeviceGuard.NonNegative(rows, nameof(rows));
        DeviceGuard.NonNegative(columns, nameof(columns));
        DeviceGuard.NonNegative(nonZeros, nameof(nonZeros));
        int indexSize = CudaDataTypes.SizeOf(indexType);
        DeviceGuard.Holds(rowOffsets, (rows + 1) * indexSize, nameof(rowOffsets));
        DeviceGuard.Holds(columnIndices, nonZeros * indexSize, nameof(columnIndices));
        DeviceGuard.Holds(values, nonZeros * CudaDataTypes.SizeOf(valueType), nameof(values));

        return Create(new SparseMatrixDescriptor(rows, columns, nonZeros, rowOffsets, columnIndices, values), () =>
        {
            CudaCheck.Cusparse(CusparseApi.cusparseCreateCsr(out nint descriptor, rows, columns, nonZeros,
                rowOffsets.Pointer, columnIndices.Pointer, values.Pointer, indexType, indexType,
                CusparseIndexBase.CUSPARSE_INDEX_BASE_ZERO, valueType));
            return descriptor;
        });
    }

    // A host-side object: no context needs to be current to destroy it.
    protected override bool ReleaseNative(nint native) =>
        CusparseApi.cusparseDestroySpMat(native) == CusparseStatus.CUSPARSE_STATUS_SUCCESS;
}
