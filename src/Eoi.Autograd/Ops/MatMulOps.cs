using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>Matrix product of two rank-2 tensors, either of them optionally transposed: C = op(A) op(B).
/// A dense layer is <c>x.MatMul(w, transposeB: true).AddBias(b)</c> for w of shape [out, in].</summary>
public static class MatMulOps
{
    public static Tensor MatMul(this Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        OpChecks.Rank(a, 2, nameof(a), "[rows, cols]");
        OpChecks.Rank(b, 2, nameof(b), "[rows, cols]");
        OpChecks.Compatible(a, b, nameof(b));
        int m = transposeA ? a.Shape[1] : a.Shape[0], k = transposeA ? a.Shape[0] : a.Shape[1];
        int kB = transposeB ? b.Shape[1] : b.Shape[0], n = transposeB ? b.Shape[0] : b.Shape[1];
        if (k != kB)
            throw new EoiArgumentException(nameof(b),
                $"inner dimensions must agree: op(a) of a {a.Shape} is {m} x {k}, so op(b) must have {k} rows; op(b) of b {b.Shape} is {kB} x {n}");
        var backend = a.Backend;
        var c = a.NewLike([m, n]);
        backend.Gemm(transposeA, transposeB, m, n, k, a.Buffer, b.Buffer, c.Buffer);
        return c.Record(g =>
        {
            // With A' = op(A) and B' = op(B): dA' = g B'^T and dB' = A'^T g. Where op transposed, the stored
            // operand's gradient is the transpose: dA = B' g^T, dB = g^T A'.
            a.AccumulateGrad(da =>
            {
                if (!transposeA) backend.Gemm(false, !transposeB, m, k, n, g.Buffer, b.Buffer, da);
                else backend.Gemm(transposeB, true, k, m, n, b.Buffer, g.Buffer, da);
            });
            b.AccumulateGrad(db =>
            {
                if (!transposeB) backend.Gemm(!transposeA, false, k, n, m, a.Buffer, g.Buffer, db);
                else backend.Gemm(true, transposeA, n, k, m, g.Buffer, a.Buffer, db);
            });
        }, a, b);
    }
}
