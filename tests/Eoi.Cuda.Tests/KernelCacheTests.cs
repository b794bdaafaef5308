using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

public class KernelCacheTests
{
    const string Saxpy = """
        extern "C" __global__ void saxpy(int n, float a, const float* x, float* y)
        {
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            if (i < n) y[i] = a * x[i] + y[i];
        }
        """;

    [Fact]
    public void ACompiledSaxpyMatchesTheCpu()
    {
        using var context = Gpu.Context();
        using var cache = new KernelCache(context);
        const int n = 10_000;
        const float a = 2.5f;
        float[] x = [.. Enumerable.Range(0, n).Select(i => MathF.Sin(i))];
        float[] y = [.. Enumerable.Range(0, n).Select(i => MathF.Cos(i))];
        using var dx = DeviceAllocation.FromHost<float>(context, x);
        using var dy = DeviceAllocation.FromHost<float>(context, y);
        using var stream = CudaStream.Create(context);

        var saxpy = cache.GetFunction(Saxpy, "saxpy");
        saxpy.Launch(Dim3.BlocksFor(n, 256), 256u, new KernelArguments().Add(n).Add(a).Add(dx).Add(dy), stream);
        stream.Synchronize();

        var result = new float[n];
        dy.CopyToHost<float>(result);
        for (int i = 0; i < n; i++) Assert.Equal(a * x[i] + y[i], result[i], 1e-5f);
    }

    [Fact]
    public void EachSourceAndOptionSetIsCompiledOnce()
    {
        using var context = Gpu.Context();
        using var cache = new KernelCache(context);

        var first = cache.GetFunction(Saxpy, "saxpy");
        Assert.Same(first, cache.GetFunction(Saxpy, "saxpy"));
        Assert.Equal(1, cache.ModuleCount);

        Assert.NotSame(first, cache.GetFunction(Saxpy, "saxpy", "--use_fast_math"));
        Assert.Equal(2, cache.ModuleCount);
        Assert.True(cache.Architecture <= context.Device.ComputeCapability.Number);
    }

    [Fact]
    public void NvrtcProducesPtxWithoutADevice()
    {
        Gpu.RequireNvrtc();
        int architecture = NvrtcCompiler.ArchitectureFor(new ComputeCapability(7, 5));

        byte[] ptx = NvrtcCompiler.CompileToPtx(Saxpy, "saxpy.cu", architecture, []);

        Assert.Equal(0, ptx[^1]);
        Assert.Contains(".entry saxpy", System.Text.Encoding.ASCII.GetString(ptx), StringComparison.Ordinal);
    }

    [Fact]
    public void ACompileErrorCarriesNvrtcsLog()
    {
        Gpu.RequireNvrtc();
        int architecture = NvrtcCompiler.ArchitectureFor(new ComputeCapability(7, 5));

        var e = Assert.Throws<NvrtcCompilationException>(() => NvrtcCompiler.CompileToPtx(
            "extern \"C\" __global__ void broken() { flaot x = 1; }", "broken.cu", architecture, []));

        Assert.Contains("flaot", e.Log, StringComparison.Ordinal);
        Assert.Contains("NVRTC_ERROR_COMPILATION (6)", e.Message, StringComparison.Ordinal);
    }
}
