using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>Elementwise sum and product of two tensors of one shape (broadcast first with
/// <see cref="ReductionOps.BroadcastTo"/>), and a tensor times a constant.</summary>
public static class ArithmeticOps
{
    public static Tensor Add(this Tensor a, Tensor b)
    {
        OpChecks.SameShape(a, b, nameof(b));
        var y = a.NewLike(a.Shape);
        a.Backend.Binary(BinaryOp.Add, a.Buffer, b.Buffer, y.Buffer);
        return y.Record(g =>
        {
            a.AccumulateGrad(da => a.Backend.Copy(g.Buffer, da));
            b.AccumulateGrad(db => b.Backend.Copy(g.Buffer, db));
        }, a, b);
    }

    public static Tensor Multiply(this Tensor a, Tensor b)
    {
        OpChecks.SameShape(a, b, nameof(b));
        var y = a.NewLike(a.Shape);
        a.Backend.Binary(BinaryOp.Multiply, a.Buffer, b.Buffer, y.Buffer);
        return y.Record(g =>
        {
            a.AccumulateGrad(da => a.Backend.Binary(BinaryOp.Multiply, g.Buffer, b.Buffer, da));
            b.AccumulateGrad(db => b.Backend.Binary(BinaryOp.Multiply, g.Buffer, a.Buffer, db));
        }, a, b);
    }

    /// <summary>x times a constant (rounded to x's element type).</summary>
    public static Tensor Scale(this Tensor x, double factor)
    {
        Guard.NotNull(x, nameof(x));
        Guard.Finite(factor, nameof(factor));
        var y = x.NewLike(x.Shape);
        x.Backend.Scale(factor, x.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx => x.Backend.Scale(factor, g.Buffer, dx)), x);
    }
}
