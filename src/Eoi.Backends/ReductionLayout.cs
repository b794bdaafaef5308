using Eoi.Core;

namespace Eoi.Backends;

/// <summary>
/// A buffer seen as [Outer, Reduced, Inner], row-major, reduced over its middle axis to [Outer, Inner]. Any
/// contiguous run of axes of a tensor is such a middle axis: summing axis 1 of [N, C, H, W] is (N, C, H*W),
/// summing everything is (1, length, 1). Several runs are reduced one after another.
/// </summary>
public readonly record struct ReductionLayout(int Outer, int Reduced, int Inner)
{
    /// <summary>Elements of the unreduced buffer.</summary>
    public int Length => checked(Outer * Reduced * Inner);

    /// <summary>Elements of the reduced buffer.</summary>
    public int ReducedLength => checked(Outer * Inner);

    public void Validate()
    {
        Guard.InRange(Outer, 0, int.MaxValue, nameof(Outer));
        Guard.InRange(Reduced, 0, int.MaxValue, nameof(Reduced));
        Guard.InRange(Inner, 0, int.MaxValue, nameof(Inner));
        if ((long)Outer * Reduced * Inner > Array.MaxLength)
            throw new EoiArgumentException(nameof(Reduced),
                $"Outer * Reduced * Inner must be at most {Array.MaxLength}; got {Outer} * {Reduced} * {Inner}");
    }
}
