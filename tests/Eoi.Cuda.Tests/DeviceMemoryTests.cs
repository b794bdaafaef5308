using System.Runtime.InteropServices;
using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

public class DeviceMemoryTests
{
    [Fact]
    public void HostDataSurvivesARoundTrip()
    {
        using var context = Gpu.Context();
        float[] values = [.. Enumerable.Range(0, 1000).Select(i => i * 0.5f - 3)];
        using var buffer = DeviceAllocation.FromHost<float>(context, values);

        var back = new float[values.Length];
        buffer.CopyToHost<float>(back);
        Assert.Equal(values, back);

        buffer.CopyFromHost<float>([42f, 43f], byteOffset: 8);
        var window = new float[4];
        buffer.CopyToHost<float>(window, byteOffset: 4);
        Assert.Equal([values[1], 42f, 43f, values[4]], window);
    }

    [Fact]
    public void FillsSetEveryElement()
    {
        using var context = Gpu.Context();
        using var buffer = DeviceAllocation.Allocate(context, 64 * sizeof(float));
        var back = new float[64];

        buffer.FillUInt32(BitConverter.SingleToUInt32Bits(1.5f));
        buffer.CopyToHost<float>(back);
        Assert.All(back, v => Assert.Equal(1.5f, v));

        buffer.FillBytes(0);
        buffer.CopyToHost<float>(back);
        Assert.All(back, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void AsyncCopiesOnAStreamHaveLandedAfterSynchronize()
    {
        using var context = Gpu.Context();
        using var stream = CudaStream.Create(context);
        double[] source = GC.AllocateArray<double>(257, pinned: true);
        double[] destination = GC.AllocateArray<double>(257, pinned: true);
        for (int i = 0; i < source.Length; i++) source[i] = Math.Sqrt(i);
        using var buffer = DeviceAllocation.Allocate(context, source.Length * sizeof(double));

        buffer.CopyFromHostAsync(Marshal.UnsafeAddrOfPinnedArrayElement(source, 0), buffer.ByteLength, stream);
        buffer.CopyToHostAsync(Marshal.UnsafeAddrOfPinnedArrayElement(destination, 0), buffer.ByteLength, stream);
        stream.Synchronize();

        Assert.Equal(source, destination);
    }

    [Fact]
    public void CopiesOutsideTheBufferAreRejectedBeforeReachingTheDevice()
    {
        using var context = Gpu.Context();
        using var buffer = DeviceAllocation.Allocate(context, 10 * sizeof(float));

        Assert.Throws<EoiArgumentException>(() => buffer.CopyFromHost<float>(new float[11]));
        Assert.Throws<EoiArgumentException>(() => buffer.CopyToHost<float>(new float[2], byteOffset: 36));
        Assert.Throws<EoiArgumentException>(() => DeviceAllocation.Allocate(context, 0));
    }

    [Fact]
    public void ABufferKeepsItsContextAliveUntilItIsFreed()
    {
        var context = Gpu.Context();
        var buffer = DeviceAllocation.Allocate(context, 256);

        context.Dispose(); // the primary context's release waits for the buffer's

        Assert.Throws<ObjectDisposedException>(() => buffer.FillBytes(0));
        buffer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => buffer.Pointer);
    }
}
