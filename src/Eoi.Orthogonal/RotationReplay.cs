using Eoi.Core;

namespace Eoi.Orthogonal;

/// <summary>
/// Materialisation of a plan in float64, the bits of the oracle. Each column of the wide matrix is a sorted
/// sparse vector; rotation (i, j, c, s) sets, for every row in the union of the two supports,
///   a_i' = c * a_i + s * a_j   and   a_j' = c * a_j - s * a_i,
/// with an absent entry read as +0.0, evaluated exactly in this order with no fused multiply-add. Entries
/// outside the support are +0.0. Cost O(|S_i| + |S_j|) per rotation.
/// </summary>
static class RotationReplay
{
    public static CsrMatrix Run(RotationPlan plan)
    {
        int r = plan.ShortSide, c = plan.LongSide;
        var rows = new int[c][];
        var values = new double[c][];
        for (int t = 0; t < c; t++)
        {
            rows[t] = t < r ? [t] : [];
            values[t] = t < r ? [1.0] : [];
        }
        foreach (var g in plan.Rotations)
            Rotate(rows, values, g);
        return WideColumns.ToCsr(plan.Rows, plan.Cols, c, t => rows[t], t => values[t]);
    }

    static void Rotate(int[][] rows, double[][] values, GivensRotation g)
    {
        int[] ri = rows[g.I], rj = rows[g.J];
        double[] vi = values[g.I], vj = values[g.J];
        int capacity = ReferenceEquals(ri, rj) ? ri.Length : ri.Length + rj.Length;
        var union = new int[capacity];
        var newI = new double[capacity];
        var newJ = new double[capacity];
        double cos = g.Cos, sin = g.Sin;
        int p = 0, q = 0, n = 0;
        while (p < ri.Length || q < rj.Length)
        {
            int row;
            double a = 0.0, b = 0.0;
            if (q >= rj.Length || (p < ri.Length && ri[p] < rj[q])) { row = ri[p]; a = vi[p++]; }
            else if (p >= ri.Length || rj[q] < ri[p]) { row = rj[q]; b = vj[q++]; }
            else { row = ri[p]; a = vi[p++]; b = vj[q++]; }
            union[n] = row;
            newI[n] = cos * a + sin * b;
            newJ[n] = cos * b - sin * a;
            n++;
        }
        if (n < capacity) { union = union[..n]; newI = newI[..n]; newJ = newJ[..n]; }
        rows[g.I] = rows[g.J] = union;
        values[g.I] = newI;
        values[g.J] = newJ;
    }
}
