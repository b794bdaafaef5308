using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>Operand checks of the operations, with messages that name the operand and both shapes or types.</summary>
static class OpChecks
{
    /// <summary><paramref name="other"/> lives in the same backend and holds the same element type as <paramref name="reference"/>.</summary>
    public static void Compatible(Tensor reference, Tensor other, string name)
    {
        Guard.NotNull(other, name);
        if (!ReferenceEquals(reference.Backend, other.Backend))
            throw new EoiArgumentException(name, $"{name} must live in the same backend as its partner ({reference.Backend.Name}); got one in {other.Backend.Name}");
        if (reference.ElementType != other.ElementType)
            throw new EoiArgumentException(name, $"{name} must hold {reference.ElementType} elements like its partner; got {other.ElementType}");
    }

    public static void SameShape(Tensor reference, Tensor other, string name)
    {
        Compatible(reference, other, name);
        if (reference.Shape != other.Shape)
            throw new EoiArgumentException(name, $"{name} must have shape {reference.Shape}; got {other.Shape}");
    }

    public static void Rank(Tensor tensor, int rank, string name, string layout)
    {
        Guard.NotNull(tensor, name);
        if (tensor.Shape.Rank != rank)
            throw new EoiArgumentException(name, $"{name} must have rank {rank} ({layout}); got shape {tensor.Shape}");
    }

    public static void Dimension(int actual, int expected, string name, string what, Tensor tensor)
    {
        if (actual != expected)
            throw new EoiArgumentException(name, $"{name} must have {what} = {expected}; got {actual} in shape {tensor.Shape}");
    }
}
