using System.Buffers;
using Eoi.Core.Backend;

namespace Eoi.Backends.Cpu;

/// <summary>
/// Host memory rented from <see cref="ArrayPool{T}.Shared"/>: a training step allocates and frees the same
/// activation sizes again and again, so renting keeps the garbage collector out of the loop. Disposing the
/// owning buffer returns the array; a buffer that is never disposed is simply collected.
/// </summary>
sealed class CpuBuffer<T> : DeviceBuffer where T : unmanaged
{
    readonly T[] array;
    readonly int offset;
    readonly CpuBuffer<T>? owner;
    bool returned;

    CpuBuffer(T[] array, int offset, int length, CpuBuffer<T>? owner) : base(TypeOf(), length)
    {
        this.array = array;
        this.offset = offset;
        this.owner = owner;
    }

    /// <summary>A new zero-filled buffer.</summary>
    public static CpuBuffer<T> Rent(int length)
    {
        var array = ArrayPool<T>.Shared.Rent(length);
        array.AsSpan(0, length).Clear();
        return new CpuBuffer<T>(array, 0, length, owner: null);
    }

    public Span<T> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return array.AsSpan(offset, Length);
        }
    }

    public override bool IsDisposed => owner?.IsDisposed ?? returned;

    protected override DeviceBuffer CreateSlice(int sliceOffset, int length) =>
        new CpuBuffer<T>(array, offset + sliceOffset, length, owner ?? this);

    public override void Dispose()
    {
        if (owner is not null || returned) return;
        returned = true;
        ArrayPool<T>.Shared.Return(array);
    }

    static ElementType TypeOf() =>
        typeof(T) == typeof(float) ? ElementType.Float32
        : typeof(T) == typeof(double) ? ElementType.Float64
        : typeof(T) == typeof(int) ? ElementType.Int32
        : throw new NotSupportedException($"cpu buffers hold float, double or int; got {typeof(T).Name}");
}
