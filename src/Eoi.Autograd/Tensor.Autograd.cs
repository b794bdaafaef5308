using Eoi.Core;
using Eoi.Core.Backend;

namespace Eoi.Autograd;

/// <summary>Computes the gradients of an operation's inputs from the gradient of its output, adding them
/// with <see cref="Tensor.AccumulateGrad"/>. Runs with recording off.</summary>
delegate void BackwardFunction(Tensor outputGrad);

/// <summary>How a non-leaf tensor was made: the inputs that need gradients, and the rule that sends its
/// gradient to them.</summary>
sealed record GradNode(Tensor[] Inputs, BackwardFunction Backward);

public sealed partial class Tensor
{
    /// <summary>True for a leaf created with requiresGrad (a parameter) and for every tensor computed from one
    /// while <see cref="GradMode"/> was enabled.</summary>
    public bool RequiresGrad { get; private set; }

    /// <summary>The accumulated gradient of a leaf after <see cref="Backward()"/>; null before the first one and
    /// after <see cref="ClearGrad"/>. Intermediate tensors do not keep theirs.</summary>
    public Tensor? Grad { get; private set; }

    /// <summary>True when the tensor was not computed by a recorded operation.</summary>
    public bool IsLeaf => Node is null;

    internal GradNode? Node { get; private set; }

    /// <summary>Marks this operation output as computed from <paramref name="inputs"/> by a rule whose
    /// gradient is <paramref name="backward"/>, when recording is on and some input needs a gradient.</summary>
    internal Tensor Record(BackwardFunction backward, params Tensor[] inputs)
    {
        if (!GradMode.IsEnabled) return this;
        var needed = Array.FindAll(inputs, input => input.RequiresGrad);
        if (needed.Length == 0) return this;
        Node = new GradNode(needed, backward);
        RequiresGrad = true;
        return this;
    }

    /// <summary>Adds a gradient to <see cref="Grad"/>, if this tensor needs one. <paramref name="write"/> fills a
    /// fresh zero buffer of this tensor's shape; the first gradient becomes <see cref="Grad"/> itself, later
    /// ones are added to it.</summary>
    internal void AccumulateGrad(Action<DeviceBuffer> write)
    {
        if (!RequiresGrad) return;
        var contribution = Backend.Allocate(ElementType, Count);
        write(contribution);
        if (Grad is null)
        {
            Grad = Unscoped(Backend, Shape, contribution);
            return;
        }
        Backend.Axpy(1, contribution, Grad.Buffer);
        contribution.Dispose();
    }

    /// <summary>Drops (and frees) the accumulated gradient.</summary>
    public void ClearGrad()
    {
        Grad?.Dispose();
        Grad = null;
    }

    /// <summary>Back-propagates from a one-element tensor (a loss), seeding its gradient with 1.</summary>
    public void Backward()
    {
        if (Count != 1)
            throw new EoiArgumentException(nameof(Shape), $"Backward() without a gradient needs a one-element tensor; got shape {Shape}");
        RequireGraph();
        BackwardWalk.Run(this, seed => Backend.Fill(seed, 1));
    }

    /// <summary>Back-propagates <paramref name="outputGrad"/>, the gradient of some scalar with respect to this tensor.</summary>
    public void Backward(Tensor outputGrad)
    {
        Guard.NotNull(outputGrad, nameof(outputGrad));
        OpChecks.SameShape(this, outputGrad, nameof(outputGrad));
        RequireGraph();
        BackwardWalk.Run(this, seed => Backend.Copy(outputGrad.Buffer, seed));
    }

    void RequireGraph()
    {
        if (!RequiresGrad)
            throw new EoiException($"Backward() needs a tensor that requires grad; {this} does not (no input required grad, or it was computed with GradMode disabled)");
    }

    /// <summary>The output tensor, used by a completed walk to free a gradient nobody asked to keep.</summary>
    internal void ReleaseIntermediateGrad()
    {
        if (!IsLeaf) ClearGrad();
    }
}
