using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Eoi.Backends.Cpu.Kernels;

namespace Eoi.Benchmarks.Kernels;

/// <summary>Square f32 GEMM, C = A B, on one thread and on all cores.</summary>
[MedianColumn]
[Config(typeof(Columns))]
public class GemmBenchmarks
{
    float[] _a = [], _b = [], _c = [];

    [Params(128, 512, 1024, 2048)]
    public int N { get; set; }

    /// <summary>-1 means all cores.</summary>
    [Params(1, -1)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _a = KernelInputs.Uniform(N * N, 1);
        _b = KernelInputs.Uniform(N * N, 2);
        _c = new float[N * N];
    }

    [Benchmark]
    public void Gemm() => Backends.Cpu.Kernels.Gemm.Multiply(false, false, N, N, N, _a, _b, _c, 0f, Threads);

    sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new GflopsColumn(c => 2.0 * Math.Pow(GflopsColumn.Parameter<int>(c, nameof(N)), 3)));
    }
}
