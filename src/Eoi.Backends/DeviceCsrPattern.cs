namespace Eoi.Backends;

/// <summary>
/// The structure of a rows x cols CSR matrix in device memory: Int32 row offsets (rows + 1 of them) and
/// Int32 column indices (one per stored entry, sorted within a row). Values travel separately, so one
/// structure serves a matrix and every value array laid out in its order.
/// </summary>
public sealed record DeviceCsrPattern(int Rows, int Cols, DeviceBuffer RowOffsets, DeviceBuffer ColumnIndices)
{
    public int NonZeros => ColumnIndices.Length;
}
