using Eoi.Random;

namespace Eoi.Orthogonal.Testing;

/// <summary>
/// An independent model of the authors' loop (paper digest §8.1, facts 1-3), written from the text rather than
/// from Eoi.Orthogonal: it redraws the rotations from the key in the documented order (i, then j until j != i,
/// ordered, then theta = u * 2 pi) and tracks the support of the wide r x c matrix on a dense boolean grid.
/// </summary>
public static class PaperRuleOracle
{
    /// <summary>The rotation sequence a key produces for a long side c, without end.</summary>
    public static IEnumerable<GivensRotation> Draws(RngKey key, int longSide)
    {
        var stream = new RandomStream(key);
        uint c = (uint)longSide;
        while (true)
        {
            int i = (int)stream.NextBelow(c), j;
            do j = (int)stream.NextBelow(c); while (j == i);
            if (j < i) (i, j) = (j, i);
            double theta = stream.NextDouble() * (2.0 * Math.PI);
            yield return new GivensRotation(i, j, theta, Math.Cos(theta), Math.Sin(theta));
        }
    }

    /// <summary>
    /// The Paper rule's outcome: m = the first number of rotations whose density is >= d, or m - 1 when that
    /// previous iterate is strictly closer to d. Returns the kept count, its non-zeros, and the draws made.
    /// </summary>
    public static (int Rotations, long NonZeros, List<GivensRotation> Drawn) Expected(int rows, int cols, double density, RngKey key)
    {
        double total = (double)rows * cols;
        var support = new DenseSupport(rows, cols);
        var counts = new List<long> { support.NonZeros };
        var drawn = new List<GivensRotation>();
        using var draws = Draws(key, support.LongSide).GetEnumerator();
        while (counts[^1] / total < density && draws.MoveNext())
        {
            drawn.Add(draws.Current);
            support.Rotate(draws.Current.I, draws.Current.J);
            counts.Add(support.NonZeros);
        }
        int m = counts.Count - 1;
        bool keepPrevious = m > 0 && Math.Abs(density - counts[m - 1] / total) < Math.Abs(density - counts[m] / total);
        int kept = keepPrevious ? m - 1 : m;
        return (kept, counts[kept], drawn);
    }

    /// <summary>Support of the wide r x c matrix as a boolean grid, starting from [I_r | 0].</summary>
    public sealed class DenseSupport
    {
        readonly bool[,] _cells;

        public DenseSupport(int rows, int cols)
        {
            ShortSide = Math.Min(rows, cols);
            LongSide = Math.Max(rows, cols);
            _cells = new bool[ShortSide, LongSide];
            for (int t = 0; t < ShortSide; t++) _cells[t, t] = true;
            NonZeros = ShortSide;
        }

        public int ShortSide { get; }
        public int LongSide { get; }
        public long NonZeros { get; private set; }

        /// <summary>Both columns take the union of their supports (up to measure-zero angles).</summary>
        public void Rotate(int i, int j)
        {
            for (int row = 0; row < ShortSide; row++)
            {
                bool union = _cells[row, i] || _cells[row, j];
                NonZeros += (union && !_cells[row, i] ? 1 : 0) + (union && !_cells[row, j] ? 1 : 0);
                _cells[row, i] = _cells[row, j] = union;
            }
        }
    }
}
