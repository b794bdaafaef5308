using Eoi.Core;

namespace Eoi.Orthogonal;

/// <summary>
/// Structural supports of the columns of the wide r x c matrix while rotations are applied. A rotation of
/// columns i and j makes both supports equal to their union (up to measure-zero angles every entry of the
/// union is non-zero), so the count of non-zeros changes by |S_i \ S_j| + |S_j \ S_i|. Supports are
/// immutable sorted arrays, shared between the two columns after a rotation; one step costs
/// O(|S_i| + |S_j|) &lt;= O(r), never O(r * c).
/// </summary>
sealed class SupportTracker
{
    readonly int[][] _columns;
    readonly int[] _merge; // a union is built here, then copied into an array of its exact size
    int[]? _undoI, _undoJ;
    int _undoColumnI, _undoColumnJ;

    public int ShortSide { get; }
    public int LongSide => _columns.Length;
    public long NonZeros { get; private set; }

    /// <summary>The supports of [I_r | 0]: column t &lt; r holds row t, the others are empty.</summary>
    public SupportTracker(int shortSide, int longSide)
    {
        ShortSide = shortSide;
        _merge = new int[shortSide];
        _columns = new int[longSide][];
        for (int t = 0; t < longSide; t++)
            _columns[t] = t < shortSide ? [t] : [];
        NonZeros = shortSide;
    }

    /// <summary>How many non-zeros rotating columns i and j would add.</summary>
    public int IncrementOf(int i, int j)
    {
        int[] a = _columns[i], b = _columns[j];
        int common = 0, p = 0, q = 0;
        while (p < a.Length && q < b.Length)
        {
            if (a[p] == b[q]) { common++; p++; q++; }
            else if (a[p] < b[q]) p++;
            else q++;
        }
        return a.Length + b.Length - 2 * common;
    }

    /// <summary>
    /// The pair of columns (i &lt; j) whose rotation adds the most positions without exceeding
    /// <paramref name="limit"/> (at least one), or null if none does. Columns sharing one support array are
    /// one candidate (their lowest index); candidates are visited by (support size, index), and the first
    /// pair reaching the limit wins, so the answer is deterministic. The increment is at least the
    /// difference of the sizes, which prunes the search to pairs of nearly equal size.
    /// </summary>
    public (int I, int J, int Increment)? BestPairWithin(long limit)
    {
        var firstColumnOf = new Dictionary<int[], int>(ReferenceEqualityComparer.Instance);
        for (int t = 0; t < _columns.Length; t++)
            firstColumnOf.TryAdd(_columns[t], t);
        var candidates = firstColumnOf.OrderBy(kv => kv.Key.Length).ThenBy(kv => kv.Value).ToArray();
        (int, int, int)? best = null;
        long bestIncrement = 0;
        for (int a = 0; a < candidates.Length; a++)
            for (int b = a + 1; b < candidates.Length && candidates[b].Key.Length - candidates[a].Key.Length <= limit; b++)
            {
                int i = candidates[a].Value, j = candidates[b].Value;
                int increment = IncrementOf(i, j);
                if (increment <= bestIncrement || increment > limit) continue;
                best = (Math.Min(i, j), Math.Max(i, j), increment);
                bestIncrement = increment;
                if (increment == limit) return best;
            }
        return best;
    }

    /// <summary>Applies the rotation of columns i and j; returns the number of non-zeros added.</summary>
    public int Apply(int i, int j)
    {
        int[] a = _columns[i], b = _columns[j];
        (_undoI, _undoJ, _undoColumnI, _undoColumnJ) = (a, b, i, j);
        if (ReferenceEquals(a, b)) return 0;
        int[] union = Union(a, b);
        _columns[i] = _columns[j] = union;
        int added = 2 * union.Length - a.Length - b.Length;
        NonZeros += added;
        return added;
    }

    /// <summary>Reverts the last <see cref="Apply"/> (used when the stopping rule keeps the previous iterate).</summary>
    public void UndoLast()
    {
        if (_undoI is null || _undoJ is null)
            throw new InvalidOperationException("no rotation to undo");
        NonZeros -= 2L * _columns[_undoColumnI].Length - _undoI.Length - _undoJ.Length;
        _columns[_undoColumnI] = _undoI;
        _columns[_undoColumnJ] = _undoJ;
        _undoI = _undoJ = null;
    }

    int[] Union(int[] a, int[] b)
    {
        var result = _merge;
        int p = 0, q = 0, n = 0;
        while (p < a.Length && q < b.Length)
        {
            if (a[p] == b[q]) { result[n++] = a[p]; p++; q++; }
            else if (a[p] < b[q]) result[n++] = a[p++];
            else result[n++] = b[q++];
        }
        while (p < a.Length) result[n++] = a[p++];
        while (q < b.Length) result[n++] = b[q++];
        return result[..n];
    }

    /// <summary>The support in the rows x cols orientation of the final matrix.</summary>
    public SparsityPattern ToPattern(int rows, int cols) =>
        WideColumns.ToPattern(rows, cols, _columns.Length, t => _columns[t]);

    /// <summary>The support produced by a list of rotations, recomputed from scratch.</summary>
    public static SparsityPattern Replay(int rows, int cols, IReadOnlyList<GivensRotation> rotations)
    {
        var tracker = new SupportTracker(Math.Min(rows, cols), Math.Max(rows, cols));
        foreach (var g in rotations)
            tracker.Apply(g.I, g.J);
        return tracker.ToPattern(rows, cols);
    }
}
