using Eoi.Random;

namespace Eoi.Orthogonal.Tests;

public class SupportTests
{
    public static TheoryData<int, int, double, StoppingRule> Cases => new()
    {
        { 1, 1, 1.0, StoppingRule.Paper }, { 1, 20, 0.4, StoppingRule.Paper }, { 20, 1, 0.4, StoppingRule.Paper },
        { 64, 64, 0.1, StoppingRule.Paper }, { 30, 70, 0.5, StoppingRule.Paper }, { 70, 30, 0.5, StoppingRule.Paper },
        { 64, 64, 0.3, StoppingRule.ExactCount }, { 70, 30, 0.2, StoppingRule.ExactCount },
    };

    [Theory, MemberData(nameof(Cases))]
    public void MaskIsTheStructuralSupport(int rows, int cols, double density, StoppingRule rule)
    {
        var matrix = SparseOrthogonal.Generate(rows, cols, density, RngKey.FromSeed(21), 1.0, rule);
        var support = matrix.Plan.Support;
        Assert.Equal(support.RowOffsets, matrix.Weights.Pattern.RowOffsets);
        Assert.Equal(support.ColumnIndices, matrix.Weights.Pattern.ColumnIndices);
        var mask = matrix.MaskToDense();
        Assert.Equal([rows, cols], mask.Shape);
        for (int row = 0; row < rows; row++)
            for (int col = 0; col < cols; col++)
                Assert.Equal(support.Contains(row, col) ? 1.0 : 0.0, mask.Data[row * cols + col]);
    }

    [Theory, MemberData(nameof(Cases))]
    public void ValuesOffTheSupportArePositiveZeroAndOnItNonZero(int rows, int cols, double density, StoppingRule rule)
    {
        var matrix = SparseOrthogonal.Generate(rows, cols, density, RngKey.FromSeed(22), 1.0, rule);
        var dense = matrix.ToDense().Data;
        var mask = matrix.MaskToDense().Data;
        for (int p = 0; p < dense.Length; p++)
        {
            if (mask[p] == 0.0)
                Assert.Equal(0L, BitConverter.DoubleToInt64Bits(dense[p]));
            else
                Assert.NotEqual(0.0, dense[p]);
        }
        Assert.Equal(matrix.Plan.NonZeros, matrix.ToDense().CountNonZero());
    }

    [Fact]
    public void SupportReplayedFromTheRotationsEqualsThePlannedSupport()
    {
        var plan = SparseOrthogonal.Plan(50, 120, 0.3, RngKey.FromSeed(23));
        var replayed = new RotationPlan(50, 120, 0.3, StoppingRule.Paper, null, plan.Rotations).Support;
        Assert.Equal(plan.Support.RowOffsets, replayed.RowOffsets);
        Assert.Equal(plan.Support.ColumnIndices, replayed.ColumnIndices);
    }
}
