using Eoi.Core;

namespace Eoi.Cuda.Native;

/// <summary>Device memory from cuMemAlloc, freed on dispose. Copies are bounds-checked and synchronous unless
/// named Async; the Async ones read or write host memory later, so it must stay pinned until the stream
/// reaches them.</summary>
public sealed unsafe class DeviceAllocation : ContextBoundHandle
{
    DeviceAllocation(CudaContext context, long byteLength) : base(context)
    {
        ByteLength = byteLength;
    }

    public long ByteLength { get; }

    public DevicePointer Pointer => new((ulong)Raw);

    public static DeviceAllocation Allocate(CudaContext context, long byteLength)
    {
        DeviceGuard.Positive(byteLength, nameof(byteLength)); // cuMemAlloc rejects 0 bytes
        return Create(new DeviceAllocation(context, byteLength), () =>
        {
            using var scope = context.Enter();
            CudaCheck.Driver(CudaDriverApi.cuMemAlloc_v2(out DevicePointer pointer, (nuint)byteLength));
            return (nint)pointer.Address;
        });
    }

    /// <summary>A buffer exactly the size of <paramref name="values"/>, holding a copy of them.</summary>
    public static DeviceAllocation FromHost<T>(CudaContext context, ReadOnlySpan<T> values) where T : unmanaged
    {
        var buffer = Allocate(context, (long)values.Length * sizeof(T));
        try
        {
            buffer.CopyFromHost(values);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public void CopyFromHost<T>(ReadOnlySpan<T> source, long byteOffset = 0) where T : unmanaged
    {
        long bytes = (long)source.Length * sizeof(T);
        DeviceGuard.ByteRange(byteOffset, bytes, ByteLength, nameof(source));
        if (bytes == 0) return;
        using var scope = Context.Enter();
        fixed (T* host = source)
            CudaCheck.Driver(CudaDriverApi.cuMemcpyHtoD_v2(Pointer.Offset(byteOffset), host, (nuint)bytes));
    }

    public void CopyToHost<T>(Span<T> destination, long byteOffset = 0) where T : unmanaged
    {
        long bytes = (long)destination.Length * sizeof(T);
        DeviceGuard.ByteRange(byteOffset, bytes, ByteLength, nameof(destination));
        if (bytes == 0) return;
        using var scope = Context.Enter();
        fixed (T* host = destination)
            CudaCheck.Driver(CudaDriverApi.cuMemcpyDtoH_v2(host, Pointer.Offset(byteOffset), (nuint)bytes));
    }

    /// <summary>Queues a copy from pinned host memory; it runs when <paramref name="stream"/> gets to it.</summary>
    public void CopyFromHostAsync(nint source, long byteCount, CudaStream? stream, long byteOffset = 0)
    {
        DeviceGuard.ByteRange(byteOffset, byteCount, ByteLength, nameof(byteCount));
        using var scope = Context.Enter();
        CudaCheck.Driver(CudaDriverApi.cuMemcpyHtoDAsync_v2(
            Pointer.Offset(byteOffset), (void*)source, (nuint)byteCount, CudaStream.RawHandle(stream)));
    }

    /// <summary>Queues a copy into pinned host memory; read it only after the stream has synchronised.</summary>
    public void CopyToHostAsync(nint destination, long byteCount, CudaStream? stream, long byteOffset = 0)
    {
        DeviceGuard.ByteRange(byteOffset, byteCount, ByteLength, nameof(byteCount));
        using var scope = Context.Enter();
        CudaCheck.Driver(CudaDriverApi.cuMemcpyDtoHAsync_v2(
            (void*)destination, Pointer.Offset(byteOffset), (nuint)byteCount, CudaStream.RawHandle(stream)));
    }

    /// <summary>Sets every byte (cuMemsetD8).</summary>
    public void FillBytes(byte value)
    {
        using var scope = Context.Enter();
        CudaCheck.Driver(CudaDriverApi.cuMemsetD8_v2(Pointer, value, (nuint)ByteLength));
    }

    /// <summary>Sets every 32-bit word (cuMemsetD32); a float fills with BitConverter.SingleToUInt32Bits.</summary>
    public void FillUInt32(uint value)
    {
        if (ByteLength % sizeof(uint) != 0)
            throw new EoiArgumentException(nameof(value), $"FillUInt32 needs a length that is a multiple of 4 bytes; the buffer has {ByteLength}");
        using var scope = Context.Enter();
        CudaCheck.Driver(CudaDriverApi.cuMemsetD32_v2(Pointer, value, (nuint)(ByteLength / sizeof(uint))));
    }

    protected override bool ReleaseInContext(nint native) =>
        CudaDriverApi.cuMemFree_v2(new DevicePointer((ulong)native)) == CudaResult.CUDA_SUCCESS;
}
