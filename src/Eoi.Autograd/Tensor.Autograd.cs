using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>Computes the gradients of an operation's inputs from the gradient of its output, adding them
/// with <see cref="Tensor.AccumulateGrad(Action{DeviceBuffer})"/>. Runs with recording off.</summary>
public delegate void BackwardFunction(Tensor outputGrad);

/// <summary>How a non-leaf tensor was made: the inputs that need gradients, and the rule that sends its
/// gradient to them.</summary>
sealed record GradNode(Tensor[] Inputs, BackwardFunction Backward);

/// <summary>
/// Reverse-mode autograd. Defining an operation takes three calls, its forward and backward side by side
/// (this is how every op in Ops/ is written, and how Eoi.Nn defines batch normalisation):
/// <code>
/// public static Tensor Square(this Tensor x)
/// {
///     var y = x.NewLike(x.Shape);                                           // forward: the output...
///     x.Backend.Binary(BinaryOp.Multiply, x.Buffer, x.Buffer, y.Buffer);    // ...written by backend kernels
///     return y.Record(g => x.AccumulateGrad(dx =>                           // backward: dL/dx = 2 x g
///     {
///         x.Backend.Binary(BinaryOp.Multiply, g.Buffer, x.Buffer, dx);
///         x.Backend.Scale(2, dx, dx);
///     }), x);
/// }
/// </code>
/// <see cref="Record"/> keeps the rule only while <see cref="GradMode"/> is enabled and some input requires
/// grad. The backward receives the output's gradient and adds each input's with
/// <see cref="AccumulateGrad(Action{DeviceBuffer})"/> (which skips inputs that need none), or, when one
/// kernel writes several gradients at once, with <see cref="NewGradBuffer"/> and
/// <see cref="AccumulateGrad(DeviceBuffer)"/>. Buffers the backward needs besides the inputs and the output
/// (saved statistics, arg-max indices) are handed to the output with <see cref="Attach"/>. Everything stays
/// in the backend: an op never reads values back to the host.
/// </summary>
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
    /// gradient is <paramref name="backward"/>, when recording is on and some input needs a gradient; returns
    /// this tensor.</summary>
    public Tensor Record(BackwardFunction backward, params Tensor[] inputs)
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
    public void AccumulateGrad(Action<DeviceBuffer> write)
    {
        Guard.NotNull(write, nameof(write));
        if (!RequiresGrad) return;
        var contribution = NewGradBuffer();
        write(contribution);
        AccumulateGrad(contribution);
    }

    /// <summary>A zero buffer of this tensor's shape and element type, for a kernel that writes several
    /// gradients at once; hand it back with <see cref="AccumulateGrad(DeviceBuffer)"/>.</summary>
    public DeviceBuffer NewGradBuffer() => Backend.Allocate(ElementType, Count);

    /// <summary>Adds <paramref name="contribution"/> (from <see cref="NewGradBuffer"/>) to <see cref="Grad"/> and
    /// takes ownership of it: it becomes the gradient, or is added and freed, or, when this tensor needs no
    /// gradient, is freed.</summary>
    public void AccumulateGrad(DeviceBuffer contribution)
    {
        Guard.NotNull(contribution, nameof(contribution));
        BufferGuard.Length(contribution, Count, nameof(contribution));
        BufferGuard.Type(contribution, ElementType, nameof(contribution));
        if (!RequiresGrad)
        {
            contribution.Dispose();
            return;
        }
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
