using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd.Optim;

/// <summary>
/// A leaf tensor an optimiser updates, with an optional 0/1 mask of its shape. A masked dense parameter gets
/// the mask multiplied in after every step, so its masked entries stay exactly zero whatever the momentum or
/// weight decay did; a <see cref="SparseParameter"/>'s values need no mask, since they hold only the pattern.
/// </summary>
public sealed record TrainableParameter
{
    public TrainableParameter(Tensor value, Tensor? mask = null)
    {
        Guard.NotNull(value, nameof(value));
        if (!value.IsLeaf || !value.RequiresGrad)
            throw new EoiArgumentException(nameof(value), $"value must be a leaf tensor that requires grad; got {value}");
        if (mask is not null) OpChecks.SameShape(value, mask, nameof(mask));
        Value = value;
        Mask = mask;
    }

    public Tensor Value { get; }
    public Tensor? Mask { get; }

    public static implicit operator TrainableParameter(Tensor value) => new(value);

    /// <summary>Re-applies the mask, if any: value = value * mask.</summary>
    internal void ApplyMask()
    {
        if (Mask is not null) Value.Backend.Binary(BinaryOp.Multiply, Value.Buffer, Mask.Buffer, Value.Buffer);
    }
}
