using Eoi.Backends.Cpu.Tests.Support;
using Eoi.Core;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>The sparse convolution splits the batch into fixed image groups, so 1, 2 or 3 threads (and all cores)
/// give the same bits for the output, the input gradient and the kernel gradient (summed group by group in order).</summary>
public class SparseConvThreadTests
{
    [Fact]
    public void SparseConvBitsDoNotDependOnThreads()
    {
        var g = new ConvGeometry(8, 12, 12, 3, 3, 1, 1, PaddingMode.Circular);
        const int batch = 40, outChannels = 12;
        // Every other im2col row used, each output channel using all of them: 36 rows, 432 stored entries.
        int[] patchRows = [.. Enumerable.Range(0, g.PatchLength).Where(r => r % 2 == 0)];
        int used = patchRows.Length;
        Assert.True((long)batch * outChannels * used * g.OutputPixels >= 2_000_000, "the call would stay on one thread");
        int[] offsets = [.. Enumerable.Range(0, outChannels + 1).Select(r => r * used)];
        int[] columns = [.. Enumerable.Range(0, outChannels * used).Select(p => p % used)];
        int[] transposedOffsets = [.. Enumerable.Range(0, used + 1).Select(r => r * outChannels)];
        int[] transposedColumns = [.. Enumerable.Range(0, used * outChannels).Select(p => p % outChannels)];
        float[] values = TestData.ToFloat(TestData.Uniform(outChannels * used, 1));
        float[] x = TestData.ToFloat(TestData.Uniform(batch * g.ImageLength, 2));
        float[] dy = TestData.ToFloat(TestData.Uniform(batch * outChannels * g.OutputPixels, 3));
        float[]? firstY = null, firstDx = null, firstDw = null;
        foreach (int threads in new[] { 1, 2, 3, -1 })
        {
            var backend = new CpuBackend(threads);
            DeviceBuffer Ints(int[] data) { var b = backend.Allocate(ElementType.Int32, data.Length); backend.Upload<int>(data, b); return b; }
            DeviceBuffer Floats(float[] data) { var b = backend.Allocate(ElementType.Float32, data.Length); backend.Upload<float>(data, b); return b; }
            var weight = new DeviceCsrPattern(outChannels, used, Ints(offsets), Ints(columns));
            var transposed = new DeviceCsrPattern(used, outChannels, Ints(transposedOffsets), Ints(transposedColumns));
            var rows = Ints(patchRows);
            var y = backend.Allocate(ElementType.Float32, dy.Length);
            var dx = backend.Allocate(ElementType.Float32, x.Length);
            var dw = backend.Allocate(ElementType.Float32, values.Length);
            backend.SparseConv2d(g, batch, weight, Floats(values), rows, Floats(x), y);
            // Any values serve as W^T's for the bit comparison.
            backend.SparseConv2dBackwardInput(g, batch, transposed, Floats(values), rows, Floats(dy), dx);
            backend.SparseConv2dBackwardWeight(g, batch, weight, rows, Floats(x), Floats(dy), dw);
            float[] Read(DeviceBuffer b) { var a = new float[b.Length]; backend.Download<float>(b, a); return a; }
            float[] yValues = Read(y), dxValues = Read(dx), dwValues = Read(dw);
            firstY ??= yValues;
            firstDx ??= dxValues;
            firstDw ??= dwValues;
            Expect.BitwiseEqual<float>(yValues, firstY, $"y with {threads} threads");
            Expect.BitwiseEqual<float>(dxValues, firstDx, $"dx with {threads} threads");
            Expect.BitwiseEqual<float>(dwValues, firstDw, $"dW with {threads} threads");
        }
    }
}
