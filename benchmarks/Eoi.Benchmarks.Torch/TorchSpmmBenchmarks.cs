using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Eoi.Backends.Cpu.Kernels;
using Eoi.Benchmarks.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Eoi.Benchmarks.Torch;

/// <summary>
/// 1024 x 1024 sparse (density 0.1 and 0.01) times dense 1024 x 128, ours (CSR) against libtorch, with the
/// dense product of the same shapes from both. TorchSharp 0.107 has no CSR constructor, so libtorch's
/// sparse operand is a coalesced COO tensor (Tensor.to_sparse()). GFLOP/s is dense-equivalent (2 m n k).
/// </summary>
[MedianColumn]
[Config(typeof(Columns))]
public class TorchSpmmBenchmarks
{
    const int M = 1024, K = 1024, N = 128;
    int[] _offsets = [], _columns = [];
    float[] _values = [], _dense = [], _b = [], _c = [];
    Tensor? _tSparse, _tDense, _tb, _tc;

    [Params(0.1, 0.01)]
    public double Density { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(TorchThreads.Count);
        (_offsets, _columns, _values) = KernelInputs.RandomCsr(M, K, Density, 3);
        _dense = KernelInputs.Densify(M, K, _offsets, _columns, _values);
        _b = KernelInputs.Uniform(K * N, 4);
        _c = new float[M * N];
        _tDense = torch.tensor(_dense, [M, K]);
        _tSparse = _tDense.to_sparse();
        _tb = torch.tensor(_b, [K, N]);
        _tc = torch.zeros(M, N);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tSparse?.Dispose();
        _tDense?.Dispose();
        _tb?.Dispose();
        _tc?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void TorchSparse() => _tc!.addmm_(_tSparse!, _tb!, beta: 0, alpha: 1);

    [Benchmark]
    public void TorchDense() => _tc!.addmm_(_tDense!, _tb!, beta: 0, alpha: 1);

    [Benchmark]
    public void OursSpmm() => SparseKernels.Spmm(M, N, K, _offsets, _columns, _values, _b, _c, 0f, TorchThreads.Count);

    [Benchmark]
    public void OursDense() => Gemm.Multiply(false, false, M, N, K, _dense, _b, _c, 0f, TorchThreads.Count);

    sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new GflopsColumn(_ => 2.0 * M * N * K));
    }
}
