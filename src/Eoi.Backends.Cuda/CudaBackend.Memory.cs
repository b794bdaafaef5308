using Eoi.Backends.Cuda.Kernels;
using Eoi.Backends.Cuda.Memory;
using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda;

// Memory: allocation, host transfers, copies, fills, gather and transpose.
public sealed partial class CudaBackend
{
    public DeviceBuffer Allocate(ElementType elementType, int length)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Guard.InRange(length, 0, Array.MaxLength, nameof(length));
        long bytes = (long)length * ElementSizes.Of(elementType);
        var buffer = CudaBuffer.Whole(this, elementType, length, bytes == 0 ? null : Pool.Rent(bytes));
        FillWords(buffer, 0);
        return buffer;
    }

    /// <summary>Queued on the stream like everything else, then waited for: the span is pinned only for the
    /// call, and the driver copies pageable memory through a staging buffer anyway.</summary>
    public unsafe void Upload<T>(ReadOnlySpan<T> source, DeviceBuffer destination) where T : unmanaged
    {
        var target = Operand(destination, source.Length, nameof(destination));
        BufferGuard.Type(destination, ElementSizes.TypeOf<T>(nameof(source)), nameof(destination));
        if (target.Window is not { } window) return;
        fixed (T* host = source) window.Allocation.CopyFromHostAsync((nint)host, target.ByteLength, stream, window.ByteOffset);
        stream.Synchronize();
    }

    /// <summary>Waits for everything queued (<see cref="Synchronize"/>, which reports bad indices), then copies.</summary>
    public void Download<T>(DeviceBuffer source, Span<T> destination) where T : unmanaged
    {
        var from = Operand(source, destination.Length, nameof(source));
        BufferGuard.Type(source, ElementSizes.TypeOf<T>(nameof(destination)), nameof(source));
        Synchronize();
        CopyToHost(from, destination);
    }

    unsafe void CopyToHost<T>(CudaBuffer source, Span<T> destination) where T : unmanaged
    {
        if (source.Window is not { } window) return;
        fixed (T* host = destination) window.Allocation.CopyToHostAsync((nint)host, source.ByteLength, stream, window.ByteOffset);
        stream.Synchronize();
    }

    public void Copy(DeviceBuffer source, DeviceBuffer destination)
    {
        BufferGuard.Type(destination, source.ElementType, nameof(destination));
        int n = source.Length;
        var from = Operand(source, n, nameof(source));
        var to = Operand(destination, n, nameof(destination));
        long words = from.ByteLength / sizeof(uint);
        kernels.ForEach(KernelModule.Memory, "copy_u32", source.ElementType, words, new KernelArguments().Add(words).Add(from.Pointer).Add(to.Pointer));
    }

    public void Fill(DeviceBuffer destination, double value)
    {
        var target = Operand(destination, destination.Length, nameof(destination));
        switch (destination.ElementType)
        {
            case ElementType.Float32: FillWords(target, BitConverter.SingleToUInt32Bits((float)value)); break;
            case ElementType.Float64:
                kernels.ForEach(KernelModule.Memory, "fill_u64", ElementType.Float64, target.Length,
                    new KernelArguments().Add((long)target.Length).Add(BitConverter.DoubleToUInt64Bits(value)).Add(target.Pointer));
                break;
            default:
                if (value != Math.Floor(value) || value < int.MinValue || value > int.MaxValue)
                    throw new EoiArgumentException(nameof(value), $"an Int32 buffer must be filled with an integer in [{int.MinValue}, {int.MaxValue}]; got {value}");
                FillWords(target, unchecked((uint)(int)value));
                break;
        }
    }

    /// <summary>Sets every 32-bit word of the buffer (zero is zero for every element type).</summary>
    void FillWords(CudaBuffer buffer, uint word)
    {
        long words = buffer.ByteLength / sizeof(uint);
        kernels.ForEach(KernelModule.Memory, "fill_u32", buffer.ElementType, words, new KernelArguments().Add(words).Add(word).Add(buffer.Pointer));
    }

    /// <summary>Out-of-range indices are found by the kernel and reported at the next synchronisation.</summary>
    public void Gather(DeviceBuffer source, DeviceBuffer indices, DeviceBuffer destination)
    {
        int n = indices.Length, m = source.Length;
        var index = Indices(indices, n, nameof(indices));
        var type = Floating(source, destination);
        var from = Pointer(source, m, nameof(source));
        var to = Pointer(destination, n, nameof(destination));
        if (n == 0) return;
        kernels.ForEach(KernelModule.Layout, "gather", type, n,
            new KernelArguments().Add(n).Add(m).Add(from).Add(index).Add(to).Add(IndexReport()));
    }

    public void Transpose(int rows, int cols, DeviceBuffer source, DeviceBuffer destination)
    {
        int n = Product(rows, cols);
        var type = Floating(source, destination);
        var from = Pointer(source, n, nameof(source));
        var to = Pointer(destination, n, nameof(destination));
        if (n == 0) return;
        var grid = new Dim3(LaunchShape.Tiles(cols), Math.Min(LaunchShape.Tiles(rows), LaunchShape.MaxGridY));
        kernels.Launch(KernelModule.Layout, "transpose", type, grid, new Dim3(LaunchShape.TransposeTile, LaunchShape.TransposeTileRows),
            new KernelArguments().Add(rows).Add(cols).Add(from).Add(to));
    }
}
