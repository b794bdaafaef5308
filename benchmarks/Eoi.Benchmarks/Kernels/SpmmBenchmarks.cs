using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Eoi.Backends.Cpu.Kernels;

namespace Eoi.Benchmarks.Kernels;

/// <summary>
/// A 1024 x 1024 CSR matrix at density 0.1 and 0.01 times a dense 1024 x 128 matrix, against the dense
/// GEMM of the same shapes (the baseline), all cores. GFLOP/s counts the dense-equivalent 2 m n k for both,
/// so it reads as effective speed.
/// </summary>
[MedianColumn]
[Config(typeof(Columns))]
public class SpmmBenchmarks
{
    const int M = 1024, K = 1024, N = 128;
    int[] _offsets = [], _columns = [];
    float[] _values = [], _dense = [], _b = [], _c = [];

    [Params(0.1, 0.01)]
    public double Density { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_offsets, _columns, _values) = KernelInputs.RandomCsr(M, K, Density, 3);
        _dense = KernelInputs.Densify(M, K, _offsets, _columns, _values);
        _b = KernelInputs.Uniform(K * N, 4);
        _c = new float[M * N];
    }

    [Benchmark]
    public void Spmm() => SparseKernels.Spmm(M, N, K, _offsets, _columns, _values, _b, _c);

    [Benchmark(Baseline = true)]
    public void DenseGemm() => Gemm.Multiply(false, false, M, N, K, _dense, _b, _c);

    sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new GflopsColumn(_ => 2.0 * M * N * K));
    }
}
