namespace Eoi.Cuda.Native;

/// <summary>A cuSPARSE dense matrix descriptor over a device buffer, which it keeps alive.</summary>
public sealed class DenseMatrixDescriptor : DependentHandle
{
    DenseMatrixDescriptor(long rows, long columns, DeviceAllocation values) : base(values)
    {
        Rows = rows;
        Columns = columns;
    }

    public long Rows { get; }
    public long Columns { get; }

    /// <summary>Row-major by default: element (i, j) at i·leadingDimension + j.</summary>
    public static DenseMatrixDescriptor Create(
        long rows, long columns, long leadingDimension, DeviceAllocation values,
        CudaDataType valueType, CusparseOrder order = CusparseOrder.CUSPARSE_ORDER_ROW)
    {
        CudaLibraries.Require(CudaLibrary.Cusparse);
        DeviceGuard.NonNegative(rows, nameof(rows));
        DeviceGuard.NonNegative(columns, nameof(columns));
        bool rowMajor = order == CusparseOrder.CUSPARSE_ORDER_ROW;
        long bytes = DeviceGuard.MatrixBytes(rowMajor ? rows : columns, rowMajor ? columns : rows,
            leadingDimension, CudaDataTypes.SizeOf(valueType), nameof(values));
        DeviceGuard.Holds(values, bytes, nameof(values));

        return Create(new DenseMatrixDescriptor(rows, columns, values), () =>
        {
            CudaCheck.Cusparse(CusparseApi.cusparseCreateDnMat(out nint descriptor, rows, columns, leadingDimension,
                values.Pointer, valueType, order));
            return descriptor;
        });
    }

    // A host-side object: no context needs to be current to destroy it.
    protected override bool ReleaseNative(nint native) =>
        CusparseApi.cusparseDestroyDnMat(native) == CusparseStatus.CUSPARSE_STATUS_SUCCESS;
}
