namespace Eoi.Backends.Cpu;

/// <summary>
/// The arrays one <see cref="CpuBackend"/> hands out, kept for reuse by exact length. A training step frees and
/// allocates the same activation sizes again and again, thousands of them in a deep network:
/// <c>ArrayPool.Shared</c> keeps only a few arrays per size, so a 1000-layer step sent hundreds of megabytes
/// a step to the garbage collector, and its live activations went through gen-1 collections. Here every
/// returned array stays until <see cref="MaxPooledBytes"/> is reached (a caching allocator, as GPU frameworks
/// have); beyond that, returned arrays are left to the collector.
/// </summary>
sealed class HostArrayPool(long maxPooledBytes)
{
    readonly Shelf<float> floats = new();
    readonly Shelf<double> doubles = new();
    readonly Shelf<int> ints = new();
    readonly Lock gate = new();
    long pooledBytes;

    public long MaxPooledBytes { get; } = maxPooledBytes;

    /// <summary>Bytes held for reuse right now.</summary>
    public long PooledBytes
    {
        get { lock (gate) return pooledBytes; }
    }

    /// <summary>An array of exactly <paramref name="length"/> elements, all zero.</summary>
    public T[] Rent<T>(int length) where T : unmanaged
    {
        if (length == 0) return [];
        T[]? array;
        lock (gate)
        {
            array = ShelfOf<T>().Take(length);
            if (array is not null) pooledBytes -= BytesOf(array);
        }
        if (array is null) return new T[length];
        Array.Clear(array);
        return array;
    }

    public void Return<T>(T[] array) where T : unmanaged
    {
        if (array.Length == 0) return;
        long bytes = BytesOf(array);
        lock (gate)
        {
            if (pooledBytes + bytes > MaxPooledBytes) return;
            ShelfOf<T>().Put(array);
            pooledBytes += bytes;
        }
    }

    /// <summary>Forgets every array held for reuse, leaving them to the collector.</summary>
    public void Clear()
    {
        lock (gate)
        {
            floats.Clear();
            doubles.Clear();
            ints.Clear();
            pooledBytes = 0;
        }
    }

    Shelf<T> ShelfOf<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? (Shelf<T>)(object)floats
        : typeof(T) == typeof(double) ? (Shelf<T>)(object)doubles
        : typeof(T) == typeof(int) ? (Shelf<T>)(object)ints
        : throw new NotSupportedException($"cpu buffers hold float, double or int; got {typeof(T).Name}");

    static unsafe long BytesOf<T>(T[] array) where T : unmanaged => (long)array.Length * sizeof(T);

    /// <summary>Free arrays of one element type by length. Callers hold the pool's lock.</summary>
    sealed class Shelf<T>
    {
        readonly Dictionary<int, Stack<T[]>> byLength = [];

        public T[]? Take(int length) =>
            byLength.TryGetValue(length, out var stack) && stack.TryPop(out var array) ? array : null;

        public void Clear() => byLength.Clear();

        public void Put(T[] array)
        {
            if (!byLength.TryGetValue(array.Length, out var stack)) byLength[array.Length] = stack = new Stack<T[]>();
            stack.Push(array);
        }
    }
}
