using Eoi.Core;
using Eoi.Random;

namespace Eoi.Orthogonal.Tests;

public class MaterializeTests
{
    public static TheoryData<int, int, double> Shapes => new()
    {
        { 1, 1, 1.0 }, { 1, 10, 0.6 }, { 10, 1, 0.6 }, { 20, 30, 0.4 }, { 30, 20, 0.4 }, { 64, 64, 0.2 }, { 100, 784, 0.1 },
    };

    [Theory, MemberData(nameof(Shapes))]
    public void MaterializedPlanEqualsGenerateBitForBit(int rows, int cols, double density)
    {
        var key = RngKey.FromSeed(31);
        var generated = SparseOrthogonal.Generate(rows, cols, density, key, 1.25);
        var fromPlan = SparseOrthogonal.Materialize(SparseOrthogonal.Plan(rows, cols, density, key), 1.25);
        var fromList = SparseOrthogonal.Materialize(
            new RotationPlan(rows, cols, density, StoppingRule.Paper, null, generated.Plan.Rotations), 1.25);
        AssertSameBits(generated.Weights, fromPlan.Weights);
        AssertSameBits(generated.Weights, fromList.Weights);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void DenseReplayOfTheRotationsGivesTheSameBits(int rows, int cols, double density)
    {
        var matrix = SparseOrthogonal.Generate(rows, cols, density, RngKey.FromSeed(32));
        var expected = DenseReplay(matrix.Plan);
        var actual = matrix.ToDense().Data;
        for (int p = 0; p < actual.Length; p++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[p] + 0.0), BitConverter.DoubleToInt64Bits(actual[p]));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(0.5)]
    [InlineData(1.0247)]
    [InlineData(3.7)]
    public void GainMultipliesEveryValueExactly(double gain)
    {
        var key = RngKey.FromSeed(33);
        var unit = SparseOrthogonal.Generate(40, 60, 0.3, key).Weights.Values;
        var scaled = SparseOrthogonal.Generate(40, 60, 0.3, key, gain).Weights.Values;
        Assert.Equal(unit.Length, scaled.Length);
        for (int k = 0; k < unit.Length; k++)
            Assert.Equal(unit[k] * gain, scaled[k]);
    }

    [Theory]
    [InlineData(64, 64, 0.2)]
    [InlineData(30, 70, 0.5)]
    public void Float32IsTheRoundingOfFloat64(int rows, int cols, double density)
    {
        var matrix = SparseOrthogonal.Generate(rows, cols, density, RngKey.FromSeed(34), 1.0247);
        var wide = matrix.ToDense().Data;
        var narrow = matrix.ToDenseFloat32();
        Assert.Equal(ElementType.Float32, narrow.ElementType);
        for (int p = 0; p < wide.Length; p++)
            Assert.Equal((double)(float)wide[p], narrow.Data[p]);
    }

    static void AssertSameBits(CsrMatrix expected, CsrMatrix actual)
    {
        Assert.Equal(expected.Pattern.RowOffsets, actual.Pattern.RowOffsets);
        Assert.Equal(expected.Pattern.ColumnIndices, actual.Pattern.ColumnIndices);
        Assert.Equal(expected.Values.ToArray().Select(BitConverter.DoubleToInt64Bits), actual.Values.ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    /// <summary>
    /// The authors' dense loop on the wide r x c matrix, [I_r | 0] then A[:, i], A[:, j] = c A_i + s A_j,
    /// c A_j - s A_i, transposed back when rows > cols. Entries it leaves at -0.0 are canonicalised by the caller.
    /// </summary>
    static double[] DenseReplay(RotationPlan plan)
    {
        int r = plan.ShortSide, c = plan.LongSide;
        var a = new double[r, c];
        for (int t = 0; t < r; t++) a[t, t] = 1.0;
        foreach (var g in plan.Rotations)
            for (int row = 0; row < r; row++)
                (a[row, g.I], a[row, g.J]) = (g.Cos * a[row, g.I] + g.Sin * a[row, g.J], g.Cos * a[row, g.J] - g.Sin * a[row, g.I]);
        var result = new double[r * c];
        for (int row = 0; row < plan.Rows; row++)
            for (int col = 0; col < plan.Cols; col++)
                result[row * plan.Cols + col] = plan.Transposed ? a[col, row] : a[row, col];
        return result;
    }
}
