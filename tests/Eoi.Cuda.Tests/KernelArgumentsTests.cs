using System.Runtime.InteropServices;
using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

public class KernelArgumentsTests
{
    [Fact]
    public void ValuesArePackedInOrderOnAlignedSlots()
    {
        var arguments = new KernelArguments().Add(7).Add(2.5f).Add(new DevicePointer(0xdead_beef_0000)).Add(1.25);

        Assert.Equal(4, arguments.Count);
        Assert.All(arguments.Offsets, offset => Assert.Equal(0, offset % KernelArguments.SlotAlignment));
        var storage = arguments.Storage.AsSpan();
        Assert.Equal(7, MemoryMarshal.Read<int>(storage[arguments.Offsets[0]..]));
        Assert.Equal(2.5f, MemoryMarshal.Read<float>(storage[arguments.Offsets[1]..]));
        Assert.Equal(0xdead_beef_0000UL, MemoryMarshal.Read<ulong>(storage[arguments.Offsets[2]..]));
        Assert.Equal(1.25, MemoryMarshal.Read<double>(storage[arguments.Offsets[3]..]));
    }

    [Fact]
    public void StorageGrowsPastItsFirstSize()
    {
        var arguments = new KernelArguments();
        for (int i = 0; i < 100; i++) arguments.Add((long)i);

        Assert.Equal(100, arguments.Count);
        Assert.Equal(99L, MemoryMarshal.Read<long>(arguments.Storage.AsSpan(arguments.Offsets[99])));
    }

    [Theory]
    [InlineData(1, 256, 1)]
    [InlineData(256, 256, 1)]
    [InlineData(257, 256, 2)]
    [InlineData(1_000_000, 128, 7813)]
    public void BlocksCoverEveryThread(long count, uint blockSize, uint blocks) =>
        Assert.Equal(new Dim3(blocks), Dim3.BlocksFor(count, blockSize));
}
