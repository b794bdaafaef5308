using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Eoi.Backends.Cpu.Kernels;

namespace Eoi.Benchmarks.Kernels;

/// <summary>
/// The measured f32 FMA ceiling that GEMM efficiency is quoted against: 12 independent accumulators
/// (more than FMA latency x FMA ports on current x64 cores) of the widest accelerated vector, registers
/// only, on 1 and on 2 threads.
/// </summary>
[MedianColumn]
[Config(typeof(Columns))]
public class FmaPeakBenchmarks
{
    const long Iterations = 10_000_000;
    const int Accumulators = 12;

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark]
    public float Fma() => Threads == 1 ? Run(1f) : RunParallel();

    float RunParallel()
    {
        var partial = new float[Threads];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t => partial[t] = Run(t + 1));
        return partial.Sum();
    }

    static float Run(float seed) => Vector512.IsHardwareAccelerated
        ? FmaLoop<Vector512<float>, Vector512Ops<float>>(seed)
        : FmaLoop<Vector256<float>, Vector256Ops<float>>(seed);

    static int Lanes => Vector512.IsHardwareAccelerated ? Vector512<float>.Count : Vector256<float>.Count;

    static float FmaLoop<TVec, TOps>(float seed) where TVec : struct where TOps : struct, ISimdOps<TVec, float>
    {
        TVec x = TOps.Broadcast(0.999f), y = TOps.Broadcast(1e-3f);
        TVec a0 = TOps.Broadcast(seed), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        TVec a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < Iterations; i++)
        {
            a0 = TOps.MultiplyAdd(a0, x, y); a1 = TOps.MultiplyAdd(a1, x, y); a2 = TOps.MultiplyAdd(a2, x, y);
            a3 = TOps.MultiplyAdd(a3, x, y); a4 = TOps.MultiplyAdd(a4, x, y); a5 = TOps.MultiplyAdd(a5, x, y);
            a6 = TOps.MultiplyAdd(a6, x, y); a7 = TOps.MultiplyAdd(a7, x, y); a8 = TOps.MultiplyAdd(a8, x, y);
            a9 = TOps.MultiplyAdd(a9, x, y); a10 = TOps.MultiplyAdd(a10, x, y); a11 = TOps.MultiplyAdd(a11, x, y);
        }
        TVec sum = TOps.Add(TOps.Add(TOps.Add(a0, a1), TOps.Add(a2, a3)), TOps.Add(TOps.Add(a4, a5), TOps.Add(a6, a7)));
        return TOps.Sum(TOps.Add(sum, TOps.Add(TOps.Add(a8, a9), TOps.Add(a10, a11))));
    }

    sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new GflopsColumn(c =>
            2.0 * Accumulators * Lanes * Iterations * GflopsColumn.Parameter<int>(c, nameof(Threads))));
    }
}
