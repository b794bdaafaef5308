using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Memory;

/// <summary>
/// Keeps freed allocations for reuse, by size. Autograd allocates and frees the same activation and gradient
/// sizes on every step, and cuMemAlloc / cuMemFree are slow and synchronise the whole device, which would stall
/// the stream after every op. Reuse needs no event bookkeeping because the backend queues all its work on one
/// stream: a reused block's next writer is queued after its previous readers.
/// </summary>
sealed class DevicePool(CudaContext context, Action synchronize) : IDisposable
{
    /// <summary>Sizes are rounded up to this, so nearly equal requests share blocks (cuMemAlloc itself hands
    /// out 512-byte aligned blocks, so the rounding costs no memory).</summary>
    const long Granularity = 512;

    readonly Lock gate = new();
    readonly Dictionary<long, Stack<DeviceAllocation>> free = [];
    bool disposed;

    public DeviceAllocation Rent(long bytes)
    {
        long size = (bytes + Granularity - 1) / Granularity * Granularity;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (free.TryGetValue(size, out var blocks) && blocks.TryPop(out var reused)) return reused;
        }
        try
        {
            return DeviceAllocation.Allocate(context, size);
        }
        catch (CudaException e) when (e.StatusCode == (int)CudaResult.CUDA_ERROR_OUT_OF_MEMORY)
        {
            // Cached blocks of other sizes may be what is in the way: give them back and try once more.
            ReleaseCached();
            return DeviceAllocation.Allocate(context, size);
        }
    }

    public void Return(DeviceAllocation allocation)
    {
        lock (gate)
        {
            if (!disposed)
            {
                if (!free.TryGetValue(allocation.ByteLength, out var blocks)) free.Add(allocation.ByteLength, blocks = new());
                blocks.Push(allocation);
                return;
            }
        }
        allocation.Dispose();
    }

    /// <summary>Frees every cached block once the stream has finished with them (a cached block was given back,
    /// but work queued before that may still read it).</summary>
    public void ReleaseCached()
    {
        synchronize();
        FreeCached();
    }

    /// <summary>Frees the cached blocks; the backend has waited for its stream before. Blocks still in use are
    /// freed when their buffers are disposed.</summary>
    public void Dispose()
    {
        lock (gate) disposed = true;
        FreeCached();
    }

    void FreeCached()
    {
        lock (gate)
        {
            foreach (var blocks in free.Values)
                foreach (var block in blocks) block.Dispose();
            free.Clear();
        }
    }
}
