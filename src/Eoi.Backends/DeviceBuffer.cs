using Eoi.Core;

namespace Eoi.Backends;

/// <summary>
/// A contiguous run of elements of one <see cref="ElementType"/> in some backend's memory. The backend that
/// allocated it is the only one that may read or write it. A slice is a view that shares its parent's memory:
/// disposing a slice frees nothing, disposing the parent invalidates every slice of it.
/// </summary>
public abstract class DeviceBuffer : IDisposable
{
    protected DeviceBuffer(ElementType elementType, int length)
    {
        if (length < 0)
            throw new EoiArgumentException(nameof(length), $"buffer length must be >= 0; got {length}");
        ElementType = elementType;
        Length = length;
    }

    public ElementType ElementType { get; }
    public int Length { get; }

    /// <summary>True once this buffer, or the buffer it is a slice of, has been disposed.</summary>
    public abstract bool IsDisposed { get; }

    /// <summary>A view of elements [offset, offset + length) of this buffer.</summary>
    public DeviceBuffer Slice(int offset, int length)
    {
        if (offset < 0 || length < 0 || offset > Length - length)
            throw new EoiArgumentException(nameof(offset),
                $"slice [offset, offset + length) must lie in [0, {Length}]; got offset {offset}, length {length}");
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return CreateSlice(offset, length);
    }

    protected abstract DeviceBuffer CreateSlice(int offset, int length);

    public abstract void Dispose();

    public override string ToString() => $"{ElementType}[{Length}]";
}
