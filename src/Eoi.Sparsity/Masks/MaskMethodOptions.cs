using Eoi.Core;

namespace Eoi.Sparsity;

/// <summary>Settings of the iterative and second-order mask methods.</summary>
public sealed record MaskMethodOptions
{
    /// <summary>The authors' SynFlow iteration count.</summary>
    public const int PaperSynFlowIterations = 100;

    /// <summary>
    /// GraSP's finite-difference step relative to the weights: eps = RelativeStep * ||w|| / ||g|| (global 2-norms),
    /// so the weights move by RelativeStep of their norm. The central difference's truncation error grows like
    /// RelativeStep^2 and its rounding error like eps_machine / RelativeStep; they balance near eps_machine^(1/3),
    /// which is 6e-6 for float64 gradients. 1e-5 leaves a margin for gradients summed over many batches; use
    /// about 5e-3 when the model computes its gradients in float32.
    /// </summary>
    public const double DefaultGraspRelativeStep = 1e-5;

    public int SynFlowIterations { get; init; } = PaperSynFlowIterations;
    public double GraspRelativeStep { get; init; } = DefaultGraspRelativeStep;

    internal void Validate()
    {
        Guard.InRange(SynFlowIterations, 1, int.MaxValue, "synflow iterations");
        Guard.InRangeExclusiveMin(GraspRelativeStep, 0.0, 1.0, "grasp relative step");
    }
}
