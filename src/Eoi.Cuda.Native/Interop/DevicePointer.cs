namespace Eoi.Cuda.Native;

/// <summary>CUdeviceptr: a 64-bit device address (unsigned long long in cuda.h on 64-bit hosts). cuBLAS and
/// cuSPARSE take the same address as a plain pointer; a one-field 8-byte struct travels in the same integer
/// register as either, so one type marks "device memory" in every declaration.</summary>
public readonly record struct DevicePointer(ulong Address)
{
    public static readonly DevicePointer Null = default;

    public DevicePointer Offset(long bytes) => new(unchecked(Address + (ulong)bytes));

    public override string ToString() => $"0x{Address:x}";
}
