using Eoi.Checker;
using Eoi.Core;
using Eoi.Orthogonal;

namespace Eoi.Oracle.Tests;

/// <summary>
/// The summary of <c>generate</c>/<c>replay</c> reads the layer's sparse orthogonal part instead of the dense
/// values; its figures must be those of the dense route <c>check</c> takes on the written file (CSR of the
/// entries != 0 of the matrix or centre tap, then the same Gram), bit for bit.
/// </summary>
public class LayerSummaryTests
{
    public static TheoryData<LayerKind, int, int, double, StoppingRule, int, int, ElementType> Requests => new()
    {
        { LayerKind.Linear, 64, 64, 0.1, StoppingRule.Paper, 1, 1, ElementType.Float64 },
        { LayerKind.Linear, 64, 64, 0.1, StoppingRule.Paper, 1, 1, ElementType.Float32 },
        { LayerKind.Linear, 40, 150, 0.05, StoppingRule.ExactCount, 1, 1, ElementType.Float64 },
        { LayerKind.Linear, 150, 40, 0.2, StoppingRule.Paper, 1, 1, ElementType.Float32 },
        { LayerKind.Linear, 33, 97, 0.5, StoppingRule.Paper, 1, 1, ElementType.Float64 },
        { LayerKind.Conv, 16, 8, 0.5, StoppingRule.Paper, 3, 3, ElementType.Float64 },
        { LayerKind.Conv, 8, 24, 0.3, StoppingRule.Paper, 3, 5, ElementType.Float32 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void The_summary_of_a_generated_layer_has_the_figures_of_its_dense_values(
        LayerKind kind, int rows, int cols, double density, StoppingRule rule, int kh, int kw, ElementType dtype)
    {
        var request = new LayerRequest(kind, rows, cols, density, 5, 1.5, rule, new KernelSize(kh, kw), CentreDensityRule.Plain, dtype);
        var layer = Generation.Generate(request);
        AssertSummaryMatchesDense(layer);
        Assert.True(LayerSummary.Of(layer, TimeSpan.Zero, []).MaxOrthogonalityError > 0, "a zero error would match whatever the route");
    }

    /// <summary>A rotation by exactly pi/2 with cos = ±0 leaves exact zeros (+0.0 and -0.0) on the plan's support:
    /// the dense route drops them, so the sparse part must too.</summary>
    [Theory]
    [InlineData(0.0, ElementType.Float64)]
    [InlineData(-0.0, ElementType.Float32)]
    public void Zeros_on_the_support_are_left_out_as_the_dense_route_leaves_them_out(double cos, ElementType dtype)
    {
        var rotations = new List<GivensRotation> { new(0, 1, Math.PI / 2, cos, 1.0), new(1, 4, 0.5, Math.Cos(0.5), Math.Sin(0.5)) };
        var plan = new RotationPlan(3, 6, 0.2, StoppingRule.Paper, null, rotations);
        var layer = Generation.FromPlan(plan, 1.0, dtype);

        Assert.True(plan.NonZeros > layer.Orthogonal.Pattern.NonZeros, "the plan should leave zeros on its support");
        AssertSummaryMatchesDense(layer);
    }

    static void AssertSummaryMatchesDense(Layer layer)
    {
        var values = layer.Values;
        var part = values.Rank == 4 ? CentreTap.Extract(values) : values;
        var dense = GramErrors.ToCsr(part.Data, part.Shape[0], part.Shape[1]);
        var sparse = layer.Orthogonal;

        Assert.Equal(dense.Pattern.RowOffsets.ToArray(), sparse.Pattern.RowOffsets.ToArray());
        Assert.Equal(dense.Pattern.ColumnIndices.ToArray(), sparse.Pattern.ColumnIndices.ToArray());
        Assert.Equal(Bits(dense.Values), Bits(sparse.Values));

        var summary = LayerSummary.Of(layer, TimeSpan.Zero, []);
        var expected = GramErrors.Orthogonality(dense, layer.Gain);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Max), BitConverter.DoubleToInt64Bits(summary.MaxOrthogonalityError));
        Assert.Equal(values.CountNonZero(), summary.NonZeros);
        Assert.Equal(layer.Mask.CountNonZero(), summary.MaskPositions);
    }

    static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (int p = 0; p < bits.Length; p++)
            bits[p] = BitConverter.DoubleToInt64Bits(values[p]);
        return bits;
    }
}
