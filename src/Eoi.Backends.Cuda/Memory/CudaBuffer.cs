using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Memory;

/// <summary>
/// Elements of one type in device memory: a whole allocation from the backend's <see cref="DevicePool"/>, or a
/// window of one (a slice). Kernels and library calls get <see cref="Pointer"/>, the window's first byte, so a
/// slice costs nothing. An empty buffer has no allocation (cuMemAlloc rejects 0 bytes) and a null pointer.
/// </summary>
sealed class CudaBuffer : DeviceBuffer
{
    readonly DeviceAllocation? allocation;
    readonly CudaBuffer? parent;
    readonly long byteOffset;
    bool disposed;

    CudaBuffer(CudaBackend owner, ElementType elementType, int length, DeviceAllocation? allocation, CudaBuffer? parent, long byteOffset)
        : base(elementType, length)
    {
        Owner = owner;
        this.allocation = allocation;
        this.parent = parent;
        this.byteOffset = byteOffset;
    }

    /// <summary>A new whole buffer over <paramref name="allocation"/> (null only for length 0).</summary>
    public static CudaBuffer Whole(CudaBackend owner, ElementType elementType, int length, DeviceAllocation? allocation) =>
        new(owner, elementType, length, allocation, parent: null, byteOffset: 0);

    /// <summary>The backend whose context the memory lives in; no other backend may touch it.</summary>
    public CudaBackend Owner { get; }

    public DevicePointer Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return allocation is null ? DevicePointer.Null : allocation.Pointer.Offset(byteOffset);
        }
    }

    /// <summary>The allocation the window lies in and where it starts, for the byte-offset copy calls.</summary>
    public (DeviceAllocation Allocation, long ByteOffset)? Window =>
        allocation is null ? null : (allocation, byteOffset);

    public long ByteLength => (long)Length * ElementSizes.Of(ElementType);

    public override bool IsDisposed => parent?.IsDisposed ?? disposed;

    protected override DeviceBuffer CreateSlice(int offset, int length) =>
        new CudaBuffer(Owner, ElementType, length, allocation, parent ?? this, byteOffset + (long)offset * ElementSizes.Of(ElementType));

    /// <summary>A slice frees nothing; the whole buffer goes back to the pool, where the next allocation of
    /// its size reuses it (after everything already queued on the stream, which is the only one).</summary>
    public override void Dispose()
    {
        if (parent is not null || disposed) return;
        disposed = true;
        if (allocation is not null) Owner.Pool.Return(allocation);
    }
}
