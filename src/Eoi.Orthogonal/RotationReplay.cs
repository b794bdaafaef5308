using System.Numerics;
using Eoi.Core;

namespace Eoi.Orthogonal;

/// <summary>The precision a plan is replayed in.</summary>
public enum Accumulation
{
    /// <summary>Every rotation in float64: the bits of the oracle (docs/SPEC.md §2.4).</summary>
    Float64,
    /// <summary>Every rotation in float32, as a float32 implementation (e.g. the authors' PyTorch code) does:
    /// cos and sin rounded once to float32, each product and sum rounded to float32 (docs/SPEC.md §2.5).</summary>
    Float32,
}

/// <summary>
/// Materialisation of a plan, in float64 (the bits of the oracle) or float32. Each column of the wide matrix is
/// a sorted sparse vector; rotation (i, j, c, s) sets, for every row in the union of the two supports,
///   a_i' = c * a_i + s * a_j   and   a_j' = c * a_j - s * a_i,
/// with an absent entry read as +0.0, evaluated exactly in this order with no fused multiply-add, every
/// operation rounded to <typeparamref name="T"/> (c and s are the plan's float64 values rounded once to T).
/// Entries outside the support are +0.0. Cost O(|S_i| + |S_j|) per rotation. The merge goes into scratch
/// arrays of the short side's length and is copied into the two columns, whose arrays grow by doubling: a plan
/// allocates about twice its final non-zeros instead of three new arrays per rotation.
/// </summary>
static class RotationReplay<T> where T : struct, IFloatingPointIeee754<T>
{
    /// <summary>The wide matrix's values in T, widened exactly to float64.</summary>
    public static CsrMatrix Run(RotationPlan plan)
    {
        int r = plan.ShortSide, c = plan.LongSide;
        var columns = new SparseColumn[c];
        for (int t = 0; t < c; t++)
            columns[t] = t < r ? SparseColumn.Unit(t) : new SparseColumn();
        var scratch = new Merge(r);
        foreach (var g in plan.Rotations)
            scratch.Rotate(columns[g.I], columns[g.J], T.CreateChecked(g.Cos), T.CreateChecked(g.Sin));
        return WideColumns.ToCsr(plan.Rows, plan.Cols, c, t => columns[t].RowSegment, t => columns[t].WidenedValues);
    }

    /// <summary>A column's sorted support and its values; the arrays may be longer than <see cref="Count"/>.</summary>
    sealed class SparseColumn
    {
        int[] rows = [];
        T[] values = [];

        public int Count { get; private set; }

        public ArraySegment<int> RowSegment => new(rows, 0, Count);
        public ArraySegment<double> WidenedValues => typeof(T) == typeof(double)
            ? new ArraySegment<double>((double[])(object)values, 0, Count)
            : Array.ConvertAll(values.AsSpan(0, Count).ToArray(), double.CreateChecked);
        public ReadOnlySpan<int> Rows => rows.AsSpan(0, Count);
        public ReadOnlySpan<T> Values => values.AsSpan(0, Count);

        public static SparseColumn Unit(int row) => new() { rows = [row], values = [T.One], Count = 1 };

        /// <summary>Replaces the column by the merged rows and values; its storage grows by doubling, never beyond
        /// <paramref name="limit"/> entries.</summary>
        public void Assign(ReadOnlySpan<int> newRows, ReadOnlySpan<T> newValues, int limit)
        {
            int count = newRows.Length;
            if (rows.Length < count)
            {
                int capacity = Math.Min(limit, Math.Max(count, 2 * rows.Length));
                rows = new int[capacity];
                values = new T[capacity];
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
        readonly T[] first = new T[shortSide];
        readonly T[] second = new T[shortSide];

        public void Rotate(SparseColumn i, SparseColumn j, T cos, T sin)
        {
            ReadOnlySpan<int> ri = i.Rows, rj = j.Rows;
            ReadOnlySpan<T> vi = i.Values, vj = j.Values;
            int p = 0, q = 0, n = 0;
            while (p < ri.Length || q < rj.Length)
            {
                int row;
                T a = T.Zero, b = T.Zero;
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
