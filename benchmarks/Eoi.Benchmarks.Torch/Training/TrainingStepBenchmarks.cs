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

    [GlobalSetup(Target = nameof(Ours))]
    public void SetupOurs() => ours = new EoiTrainingStep(StepSetup.BuildModel(Network, Density));

    [GlobalSetup(Target = nameof(TorchSharp))]
    public void SetupTorch()
    {
        torch.set_num_threads(TorchThreads.Count);
        using var source = StepSetup.BuildModel(Network, Density);
        theirs = new TorchTrainingStep(source, masked: Density < 1);
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
