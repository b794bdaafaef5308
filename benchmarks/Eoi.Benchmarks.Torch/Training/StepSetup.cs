using Eoi.Backends;
using Eoi.Backends.Cpu;
using Eoi.Benchmarks.Kernels;
using Eoi.Nn.Models;
using Eoi.Nn.Modules;
using Eoi.Nn.Setup;
using Eoi.Sparsity;

namespace Eoi.Benchmarks.Torch.Training;

/// <summary>What both sides of a training-step benchmark share: the batch, the optimiser's settings (the
/// paper's Nesterov SGD) and the initialised network, which the TorchSharp side copies weight for weight.</summary>
static class StepSetup
{
    public const int BatchSize = 128;
    public const int Features = 784;
    public const int Classes = 10;
    public const double LearningRate = 0.01;
    public const double Momentum = 0.9;
    public const double WeightDecay = 1e-4;
    const int Seed = 7;

    public static SgdHyperparameters Sgd => new(LearningRate, Momentum, WeightDecay, Nesterov: true);

    public static float[] Inputs() => KernelInputs.Uniform(BatchSize * Features, Seed);

    public static int[] Labels()
    {
        var random = new System.Random(Seed);
        return [.. Enumerable.Range(0, BatchSize).Select(_ => random.Next(Classes))];
    }

    /// <summary>Our network, EOI-initialised below density 1 (uniform mask, CSR layers) and dense-initialised at 1.</summary>
    public static Sequential BuildModel(StepNetwork network, double density)
    {
        var (depth, width) = network switch
        {
            StepNetwork.Mlp7x100 => (7, 100),
            StepNetwork.Mlp1000x128 => (1000, 128),
            _ => throw new ArgumentOutOfRangeException(nameof(network), network, null),
        };
        bool sparse = density < 1;
        var spec = new ModelSpec(ModelKind.Mlp, depth, width, Activation.Tanh, [Features], Classes, SparseLinearLayers: sparse);
        var model = ModelFactory.Build(new CpuBackend(TorchThreads.Count), spec);
        var plan = new InitializationPlan { Density = density, MaskMethod = MaskMethodKind.Uniform, Scheme = InitScheme.Eoi };
        NetworkInitializer.Initialize(model, spec, plan, (ulong)Seed);
        return model;
    }
}
