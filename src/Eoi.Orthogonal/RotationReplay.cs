using Eoi.Core;

namespace Eoi.Orthogonal;

/// <summary>
/// Materialisation of a plan in float64, the bits of the oracle. Each column of the wide matrix is a sorted
/// sparse vector; rotation (i, j, c, s) sets, for every row in the union of the two supports,
///   a_i' = c * a_i + s * a_j   and   a_j' = c * a_j - s * a_i,
/// with an absent entry read as +0.0, evaluated exactly in this order with no fused multiply-add. Entries
/// outside the support are +0.0. Cost O(|S_i| + |S_j|) per rotation. The merge goes into scratch arrays of the
/// short side's length and is copied into the two columns, whose arrays grow by doubling: a plan allocates about
/// twice its final non-zeros instead of three new arrays per rotation.
/// </summary>
static class RotationReplay
{
    public static CsrMatrix Run(RotationPlan plan)
    {
        int r = plan.ShortSide, c = plan.LongSide;
        var columns = new SparseColumn[c];
        for (int t = 0; t < c; t++)
            columns[t] = t < r ? SparseColumn.Unit(t) : new SparseColumn();
        var scratch = new Merge(r);
        foreach (var g in plan.Rotations)
            scratch.Rotate(columns[g.I], columns[g.J], g.Cos, g.Sin);
        return WideColumns.ToCsr(plan.Rows, plan.Cols, c, t => columns[t].RowSegment, t => columns[t].ValueSegment);
    }

    /// <summary>A column's sorted support and its values; the arrays may be longer than <see cref="Count"/>.</summary>
    sealed class SparseColumn
    {
        int[] rows = [];
        double[] values = [];

        public int Count { get; private set; }

        public ArraySegment<int> RowSegment => new(rows, 0, Count);
        public ArraySegment<double> ValueSegment => new(values, 0, Count);
        public ReadOnlySpan<int> Rows => rows.AsSpan(0, Count);
        public ReadOnlySpan<double> Values => values.AsSpan(0, Count);

        public static SparseColumn Unit(int row) => new() { rows = [row], values = [1.0], Count = 1 };

        /// <summary>Replaces the column by the merged rows and values; its storage grows by doubling, never beyond
        /// <paramref name="limit"/> entries.</summary>
        public void Assign(ReadOnlySpan<int> newRows, ReadOnlySpan<double> newValues, int limit)
        {
            int count = newRows.Length;
            if (rows.Length < count)
            {
                int capacity = Math.Min(limit, Math.Max(count, 2 * rows.Length));
                rows = new int[capacity];
                values = new double[capacity];
            }
            newRows.CopyTo(rows);
            newValues.CopyTo(values);
            Count = count;
        }
    }

    /// <summary>The merge of two supports; a support holds at most the short side's rows.</summary>
    sealed class Merge(int shortSide)
    {
        readonly int[] union = new int[shortSide];
        readonly double[] first = new double[shortSide];
        readonly double[] second = new double[shortSide];

        public void Rotate(SparseColumn i, SparseColumn j, double cos, double sin)
        {
            ReadOnlySpan<int> ri = i.Rows, rj = j.Rows;
            ReadOnlySpan<double> vi = i.Values, vj = j.Values;
            int p = 0, q = 0, n = 0;
            while (p < ri.Length || q < rj.Length)
            {
                int row;
                double a = 0.0, b = 0.0;
                if (q >= rj.Length || (p < ri.Length && ri[p] < rj[q])) { row = ri[p]; a = vi[p++]; }
                else if (p >= ri.Length || rj[q] < ri[p]) { row = rj[q]; b = vj[q++]; }
                else { row = ri[p]; a = vi[p++]; b = vj[q++]; }
                union[n] = row;
                first[n] = cos * a + sin * b;
                second[n] = cos * b - sin * a;
                n++;
            }
            i.Assign(union.AsSpan(0, n), first.AsSpan(0, n), shortSide);
            j.Assign(union.AsSpan(0, n), second.AsSpan(0, n), shortSide);
        }
    }
}
