namespace Eoi.Backends.Cpu;

/// <summary>
/// The arrays one <see cref="CpuBackend"/> hands out, kept for reuse by exact length. A training step frees and
/// allocates the same activation sizes again and again, thousands of them in a deep network:
/// <c>ArrayPool.Shared</c> keeps only a few arrays per size, so a 1000-layer step sent hundreds of megabytes
/// a step to the garbage collector, and its live activations went through gen-1 collections. Here every
/// returned array stays until <see cref="MaxPooledBytes"/> is reached (a caching allocator, as GPU frameworks
/// have); beyond that, returned arrays are left to the collector. A request with no free array of its length
/// takes the shortest free array that is longer, up to <see cref="MaxLengthRatio"/> times its length
/// (<see cref="Rent{T}"/>): an epoch's last, shorter training batch and its evaluation batches then run in the
/// training batch's arrays instead of allocating a second set of activations next to the pooled first one
/// (ResNet-20's epoch on the sample: peak RSS in benchmarks/README.md). The ratio keeps a small request (a bias
/// gradient) from holding a large activation array, which would send the next large request to a new array:
/// a request it refuses allocates at most 1/<see cref="MaxLengthRatio"/> of the array it did not take.
/// </summary>
sealed class HostArrayPool(long maxPooledBytes)
{
    readonly Shelf<float> floats = new();
    readonly Shelf<double> doubles = new();
    readonly Shelf<int> ints = new();
    readonly Lock gate = new();
    long pooledBytes;

    public long MaxPooledBytes { get; } = maxPooledBytes;

    /// <summary>The longest free array a request may take is this many times the request's length.</summary>
    public const int MaxLengthRatio = 4;

    /// <summary>Bytes held for reuse right now.</summary>
    public long PooledBytes
    {
        get { lock (gate) return pooledBytes; }
    }

    /// <summary>An array of at least <paramref name="length"/> elements whose first <paramref name="length"/>
    /// are zero: a free one of exactly that length, else the shortest longer free one, else a new one.</summary>
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
        Array.Clear(array, 0, length);
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

    /// <summary>Free arrays of one element type by length, and those lengths in increasing order. Callers hold
    /// the pool's lock.</summary>
    sealed class Shelf<T>
    {
        readonly Dictionary<int, Stack<T[]>> byLength = [];
        readonly List<int> lengths = [];

        /// <summary>A free array of exactly <paramref name="length"/> elements, else the shortest longer one of at
        /// most <see cref="MaxLengthRatio"/> times that length, or null. The scan past the exact length runs only on
        /// a miss, which a steady training loop does not have.</summary>
        public T[]? Take(int length)
        {
            if (byLength.TryGetValue(length, out var exact) && exact.TryPop(out var array)) return array;
            long longest = (long)length * MaxLengthRatio;
            int index = lengths.BinarySearch(length);
            for (index = index < 0 ? ~index : index + 1; index < lengths.Count && lengths[index] <= longest; index++)
                if (byLength[lengths[index]].TryPop(out array)) return array;
            return null;
        }

        public void Clear()
        {
            byLength.Clear();
            lengths.Clear();
        }

        public void Put(T[] array)
        {
            if (!byLength.TryGetValue(array.Length, out var stack))
            {
                byLength[array.Length] = stack = new Stack<T[]>();
                lengths.Insert(~lengths.BinarySearch(array.Length), array.Length);
            }
            stack.Push(array);
        }
    }
}
