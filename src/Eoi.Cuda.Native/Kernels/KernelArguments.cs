using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>A kernel's parameter values, in declaration order. cuLaunchKernel takes one pointer per parameter
/// and copies each value out during the call, so this storage only has to live until Launch returns.</summary>
public sealed unsafe class KernelArguments
{
    /// <summary>Each value starts on a 16-byte boundary, enough for any scalar, pointer or vector type.</summary>
    internal const int SlotAlignment = 16;

    byte[] storage = new byte[8 * SlotAlignment];
    readonly List<int> offsets = [];
    int used;

    public int Count => offsets.Count;

    internal byte[] Storage => storage;

    internal IReadOnlyList<int> Offsets => offsets;

    public KernelArguments Add<T>(T value) where T : unmanaged
    {
        int offset = (used + SlotAlignment - 1) / SlotAlignment * SlotAlignment;
        if (offset + sizeof(T) > storage.Length) Array.Resize(ref storage, Math.Max(2 * storage.Length, offset + sizeof(T)));
        MemoryMarshal.Write(storage.AsSpan(offset), in value);
        offsets.Add(offset);
        used = offset + sizeof(T);
        return this;
    }

    /// <summary>A buffer parameter is its device address (a T* in the kernel).</summary>
    public KernelArguments Add(DeviceAllocation buffer) => Add(buffer.Pointer);
}
