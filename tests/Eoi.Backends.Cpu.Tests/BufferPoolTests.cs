using Eoi.Core;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>Freed buffers are kept for reuse up to the backend's byte limit, and a reused buffer is handed
/// out zero-filled like a new one.</summary>
public class BufferPoolTests
{
    [Fact]
    public void FreedBufferIsReusedAndComesBackZeroed()
    {
        var backend = new CpuBackend(1);
        var first = backend.Allocate(ElementType.Float32, 100);
        backend.Fill(first, 7);
        first.Dispose();
        Assert.Equal(400, backend.PooledBytes);

        using var second = backend.Allocate(ElementType.Float32, 100);
        Assert.Equal(0, backend.PooledBytes);
        var values = new float[100];
        backend.Download<float>(second, values);
        Assert.All(values, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void ShorterRequestTakesTheShortestLongerFreeArrayZeroedInItsLength()
    {
        var backend = new CpuBackend(1);
        var longest = backend.Allocate(ElementType.Float32, 300);
        var longer = backend.Allocate(ElementType.Float32, 200);
        backend.Fill(longer, 7);
        longest.Dispose();
        longer.Dispose();
        Assert.Equal(2000, backend.PooledBytes);

        using var shorter = backend.Allocate(ElementType.Float32, 150);
        Assert.Equal(150, shorter.Length);
        Assert.Equal(1200, backend.PooledBytes); // the 200-element array was taken, the 300-element one kept
        var values = new float[150];
        backend.Download<float>(shorter, values);
        Assert.All(values, v => Assert.Equal(0f, v));

        using var tooLong = backend.Allocate(ElementType.Float32, 301);
        Assert.Equal(1200, backend.PooledBytes); // nothing free is long enough: a new array
    }

    [Fact]
    public void RequestDoesNotTakeAFreeArrayMoreThanFourTimesItsLength()
    {
        var backend = new CpuBackend(1);
        backend.Allocate(ElementType.Float32, 400).Dispose();
        Assert.Equal(1600, backend.PooledBytes);

        using var quarter = backend.Allocate(ElementType.Float32, 99); // 400 > 4 x 99: a new array
        Assert.Equal(1600, backend.PooledBytes);
        using var exactlyAQuarter = backend.Allocate(ElementType.Float32, 100); // 400 = 4 x 100: taken
        Assert.Equal(0, backend.PooledBytes);
    }

    [Fact]
    public void PoolKeepsNoMoreThanItsLimit()
    {
        var backend = new CpuBackend(1, maxPooledBytes: 1000);
        var buffers = Enumerable.Range(0, 4).Select(_ => backend.Allocate(ElementType.Float64, 50)).ToList();
        buffers.ForEach(b => b.Dispose());
        Assert.Equal(800, backend.PooledBytes); // two 400-byte buffers fit under 1000, the third does not

        var none = new CpuBackend(1, maxPooledBytes: 0);
        none.Allocate(ElementType.Int32, 10).Dispose();
        Assert.Equal(0, none.PooledBytes);
    }

    [Fact]
    public void DisposingTwiceOrDisposingASliceReturnsTheArrayOnce()
    {
        var backend = new CpuBackend(1);
        var buffer = backend.Allocate(ElementType.Float32, 16);
        buffer.Slice(4, 8).Dispose();
        Assert.Equal(0, backend.PooledBytes);
        buffer.Dispose();
        buffer.Dispose();
        Assert.Equal(64, backend.PooledBytes);
    }

    [Fact]
    public void NegativeLimitIsRefused()
    {
        var error = Assert.Throws<EoiArgumentException>(() => new CpuBackend(1, maxPooledBytes: -1));
        Assert.Equal("maxPooledBytes", error.ParameterName);
    }
}
