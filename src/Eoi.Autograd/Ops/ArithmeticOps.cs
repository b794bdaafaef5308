using Eoi.Core.Backend;

namespace Eoi.Autograd;

/// <summary>Elementwise sum and product of two tensors of one shape (no broadcasting).</summary>
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
}
