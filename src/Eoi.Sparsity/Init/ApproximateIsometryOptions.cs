using Eoi.Core;

namespace Eoi.Sparsity;

/// <summary>Settings of <see cref="ApproximateIsometry"/> (paper.md §4.1).</summary>
public sealed record ApproximateIsometryOptions
{
    /// <summary>The authors' default AI_iters.</summary>
    public const int PaperIterations = 10_000;
    /// <summary>AI_iters of the 1000-layer specs.</summary>
    public const int ThousandLayerIterations = 1_000;
    /// <summary>The authors' WEIGHTLR (plain SGD, no momentum, no weight decay).</summary>
    public const double PaperLearningRate = 0.1;

    public int Iterations { get; init; } = PaperIterations;
    public double LearningRate { get; init; } = PaperLearningRate;

    internal void Validate()
    {
        Guard.InRange(Iterations, 0, int.MaxValue, "iterations");
        Guard.PositiveFinite(LearningRate, "learning rate");
    }
}

/// <summary>The repaired layers and the summed loss before the first and after the last step.</summary>
public sealed record ApproximateIsometryResult(IReadOnlyList<LayerInit> Layers, double InitialLoss, double FinalLoss);
