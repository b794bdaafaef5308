using BenchmarkDotNet.Attributes;
using TorchSharp;

namespace Eoi.Benchmarks.Torch.Training;

/// <summary>
/// One training step at batch 128 (forward, cross-entropy, backward, Nesterov SGD with weight decay, masks
/// kept), ours against TorchSharp on the same initial weights and batch, both on two threads. Density 1 is
/// the dense network on both sides; 0.125 is our CSR <c>SparseLinear</c> against torch's masked dense layers.
/// </summary>
// A 1000-layer step takes about 0.2 s, so few iterations. Attributes adjust the in-process job Program.cs
// builds; a job added by a config would run beside it, doubling the run.
[WarmupCount(6)]
[IterationCount(7)]
[IterationTime(250)]
[MedianColumn]
public class TrainingStepBenchmarks
{
    EoiTrainingStep? ours;
    TorchTrainingStep? theirs;

    [Params(StepNetwork.Mlp7x100, StepNetwork.Mlp1000x128)]
    public StepNetwork Network { get; set; }

    [Params(1.0, 0.125)]
    public double Density { get; set; }

    /// <summary>How long each side runs its step before BenchmarkDotNet's pilot stage. Without it the first
    /// case of a process was measured half-compiled: the pilot timed tier-0 code (5 ms a step for our
    /// 7-layer sparse step), chose 47 calls per iteration, and the whole run (about 750 steps) ended before
    /// tiered compilation had settled, at 1.0-1.4 ms instead of the steady 0.36 ms.</summary>
    static readonly TimeSpan Prewarm = TimeSpan.FromSeconds(2);

    [GlobalSetup(Target = nameof(Ours))]
    public void SetupOurs()
    {
        ours = new EoiTrainingStep(StepSetup.BuildModel(Network, Density));
        RunFor(Prewarm, ours.Run);
    }

    [GlobalSetup(Target = nameof(TorchSharp))]
    public void SetupTorch()
    {
        torch.set_num_threads(TorchThreads.Count);
        using var source = StepSetup.BuildModel(Network, Density);
        theirs = new TorchTrainingStep(source, masked: Density < 1);
        RunFor(Prewarm, theirs.Run);
    }

    static void RunFor(TimeSpan duration, Func<double> step)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < duration) step();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        ours?.Dispose();
        theirs?.Dispose();
        (ours, theirs) = (null, null);
    }

    [Benchmark(Baseline = true)]
    public double TorchSharp() => theirs!.Run();

    [Benchmark]
    public double Ours() => ours!.Run();
}
