namespace Eoi.Backends.Cpu.Kernels;

/// <summary>The stored entries of one CSR row: Count pairs (Columns[p], Values[p]).</summary>
internal readonly unsafe struct CsrRow<T>(int* columns, T* values, int count) where T : unmanaged
{
    public readonly int* Columns = columns;
    public readonly T* Values = values;
    public readonly int Count = count;
}
