namespace Eoi.Benchmarks.Torch.Training;

/// <summary>The networks a training step is timed on.</summary>
public enum StepNetwork
{
    /// <summary>The paper's 784-100x5-10 tanh MLP.</summary>
    Mlp7x100,

    /// <summary>784-128, 998 x 128-128, 128-10 tanh: per-layer overhead dominates, not arithmetic.</summary>
    Mlp1000x128,
}
