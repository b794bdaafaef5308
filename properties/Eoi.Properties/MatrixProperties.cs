using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Orthogonal.Testing;
using Eoi.Random;

namespace Eoi.Properties;

public class MatrixProperties
{
    [Fact]
    public void OrthogonalWithinTheRoundingBound() =>
        PropertyRuns.Check(Generators.Matrices(), c =>
        {
            var matrix = c.Generate();
            double error = OrthogonalityError.Of(matrix.Weights, c.Gain);
            double bound = OrthogonalityError.Bound(matrix.Plan.Rotations.Count, c.Gain);
            Assert.True(error <= bound, $"error {error:E3} > bound {bound:E3}");
        });

    [Fact]
    public void PaperRuleStopsWhereTheSpecificationSays() =>
        PropertyRuns.Check(Generators.Matrices(StoppingRule.Paper), c =>
        {
            var plan = c.Plan();
            var (rotations, nonZeros, drawn) = PaperRuleOracle.Expected(c.Rows, c.Cols, c.Density, c.Key);
            Assert.Equal(rotations, plan.Rotations.Count);
            Assert.Equal(nonZeros, plan.NonZeros);
            Assert.Equal(drawn.Take(rotations), plan.Rotations);
            Assert.InRange(Math.Abs(plan.Density - c.Density), 0.0, 1.0 / plan.LongSide);
        });

    [Fact]
    public void ExactCountRuleNeverOvershootsItsTarget() =>
        PropertyRuns.Check(Generators.Matrices(StoppingRule.ExactCount), c =>
        {
            var plan = c.Plan();
            Assert.InRange(plan.NonZeros, plan.ShortSide, SparseOrthogonal.ExactTarget(c.Density, plan.ShortSide, plan.LongSide));
        });

    [Fact]
    public void MaskIsExactlyTheNonZeroValues() =>
        PropertyRuns.Check(Generators.Matrices(), c =>
        {
            var matrix = c.Generate();
            var values = matrix.ToDense().Data;
            var mask = matrix.MaskToDense().Data.ToArray();
            long offSupport = 0, zeroOnSupport = 0;
            for (int p = 0; p < values.Length; p++)
            {
                if (mask[p] == 0.0 && BitConverter.DoubleToInt64Bits(values[p]) != 0) offSupport++;
                if (mask[p] == 1.0 && values[p] == 0.0) zeroOnSupport++;
            }
            Assert.Equal(0, offSupport);
            // A zero inside the support needs an angle hitting a measure-zero set: never expected.
            Assert.Equal(0, zeroOnSupport);
            Assert.Equal(matrix.Plan.NonZeros, (long)mask.Sum());
        });

    [Fact]
    public void SameKeyGivesIdenticalBits() =>
        PropertyRuns.Check(Generators.Matrices(), c =>
            Assert.Equal(Bits(c.Generate().Weights), Bits(c.Generate().Weights)));

    [Fact]
    public void DifferentKeyGivesDifferentBits() =>
        PropertyRuns.Check(Generators.Matrices(), c =>
        {
            var first = c.Generate();
            var other = (c with { Seed = c.Seed ^ 0x9E37_79B9_7F4A_7C15 }).Generate();
            // A rotation of two empty columns of [I | 0] changes nothing, so a plan may hold rotations and
            // still be [I | 0]. Once the support has grown, the values depend continuously on uniformly drawn
            // angles, and two keys agree with probability 0.
            if (first.Plan.NonZeros > first.Plan.ShortSide || other.Plan.NonZeros > other.Plan.ShortSide)
                Assert.NotEqual(Bits(first.Weights), Bits(other.Weights));
        });

    [Fact]
    public void ReplayingThePlanGivesTheGeneratedBits() =>
        PropertyRuns.Check(Generators.Matrices(), c =>
        {
            var generated = c.Generate();
            var replayed = SparseOrthogonal.Materialize(
                new RotationPlan(c.Rows, c.Cols, c.Density, c.Rule, null, generated.Plan.Rotations), c.Gain);
            Assert.Equal(Bits(generated.Weights), Bits(replayed.Weights));
        });

    /// <summary>Everything that identifies the matrix: row offsets, column indices, then the values' bit
    /// patterns. The offsets fix the other two lengths, so the concatenation is unambiguous.</summary>
    static long[] Bits(CsrMatrix w) =>
    [
        .. w.Pattern.RowOffsets.ToArray().Select(o => (long)o),
        .. w.Pattern.ColumnIndices.ToArray().Select(i => (long)i),
        .. w.Values.ToArray().Select(BitConverter.DoubleToInt64Bits),
    ];
}
