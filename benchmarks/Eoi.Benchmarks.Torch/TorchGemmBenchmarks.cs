using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Eoi.Backends.Cpu.Kernels;
using Eoi.Benchmarks.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Eoi.Benchmarks.Torch;

/// <summary>Square f32 GEMM, ours against libtorch (through TorchSharp), both on 2 threads, both writing
/// into a preallocated C (torch: addmm_ with beta 0).</summary>
[MedianColumn]
[Config(typeof(Columns))]
public class TorchGemmBenchmarks
{
    float[] _a = [], _b = [], _c = [];
    Tensor? _ta, _tb, _tc;

    [Params(128, 512, 1024, 2048)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(TorchThreads.Count);
        _a = KernelInputs.Uniform(N * N, 1);
        _b = KernelInputs.Uniform(N * N, 2);
        _c = new float[N * N];
        _ta = torch.tensor(_a, [N, N]);
        _tb = torch.tensor(_b, [N, N]);
        _tc = torch.zeros(N, N);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ta?.Dispose();
        _tb?.Dispose();
        _tc?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Torch() => _tc!.addmm_(_ta!, _tb!, beta: 0, alpha: 1);

    [Benchmark]
    public void Ours() => Gemm.Multiply(false, false, N, N, N, _a, _b, _c, 0f, TorchThreads.Count);

    sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new GflopsColumn(c => 2.0 * Math.Pow(GflopsColumn.Parameter<int>(c, nameof(N)), 3)));
    }
}
