using Eoi.Core;

namespace Eoi.Backends.Cpu;

/// <summary>
/// Host memory rented from its backend's <see cref="HostArrayPool"/>, so that a training step, which frees and
/// allocates the same sizes again and again, keeps the garbage collector out of the loop. Disposing the owning
/// buffer returns the array; a buffer that is never disposed is simply collected.
/// </summary>
sealed class CpuBuffer<T> : DeviceBuffer where T : unmanaged
{
    readonly T[] array;
    readonly int offset;
    readonly CpuBuffer<T>? owner;
    readonly HostArrayPool? pool;
    bool returned;

    CpuBuffer(T[] array, int offset, int length, CpuBuffer<T>? owner, HostArrayPool? pool) : base(TypeOf(), length)
    {
        this.array = array;
        this.offset = offset;
        this.owner = owner;
        this.pool = pool;
    }

    /// <summary>A new zero-filled buffer: the first <paramref name="length"/> elements of a pooled array, which
    /// may be longer.</summary>
    public static CpuBuffer<T> Rent(HostArrayPool pool, int length) =>
        new(pool.Rent<T>(length), 0, length, owner: null, pool);

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
        new CpuBuffer<T>(array, offset + sliceOffset, length, owner ?? this, pool: null);

    public override void Dispose()
    {
        if (owner is not null || returned) return;
        returned = true;
        pool?.Return(array);
    }

    static ElementType TypeOf() =>
        typeof(T) == typeof(float) ? ElementType.Float32
        : typeof(T) == typeof(double) ? ElementType.Float64
        : typeof(T) == typeof(int) ? ElementType.Int32
        : throw new NotSupportedException($"cpu buffers hold float, double or int; got {typeof(T).Name}");
}
