using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

// GEMM, SpMM and SDDMM.
public abstract partial class BackendConformance
{
    /// <summary>Every transpose combination of a few shapes, including a vector, k = 0 and shapes that are
    /// not multiples of any tile.</summary>
    public static TheoryData<ElementType, bool, bool, int, int, int, double> GemmCases()
    {
        (int M, int N, int K, double Beta)[] shapes = [(1, 1, 1, 0), (3, 5, 7, 0), (7, 1, 9, 0.5), (17, 31, 65, -1.25), (33, 65, 17, 0), (2, 3, 0, 0.5)];
        var data = new TheoryData<ElementType, bool, bool, int, int, int, double>();
        foreach (var type in new[] { ElementType.Float32, ElementType.Float64 })
            foreach (var (m, n, k, beta) in shapes)
                foreach (bool ta in new[] { false, true })
                    foreach (bool tb in new[] { false, true })
                        data.Add(type, ta, tb, m, n, k, beta);
        return data;
    }

    [Theory, MemberData(nameof(GemmCases))]
    public void Gemm_matches_the_reference(ElementType type, bool transposeA, bool transposeB, int m, int n, int k, double beta)
    {
        int seed = m * 7919 + n * 31 + k;
        var a = Upload(type, Inputs.Uniform(seed, m * k));
        var b = Upload(type, Inputs.Uniform(seed + 1, k * n));
        var c = Upload(type, Inputs.Uniform(seed + 2, m * n));
        double u = Tolerances.UnitRoundoff(type);
        var expected = ProductReference.Gemm(transposeA, transposeB, m, n, k, a.Values, b.Values, c.Values, Inputs.Round(type, beta), u);
        Backend.Gemm(transposeA, transposeB, m, n, k, a.Buffer, b.Buffer, c.Buffer, beta);
        expected.Check(Read(c.Buffer), $"gemm {m}x{n}x{k}");
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void Gemm_with_beta_zero_only_writes_C(ElementType type)
    {
        var a = Upload(type, Inputs.Uniform(5, 6));
        var b = Upload(type, Inputs.Uniform(6, 6));
        var c = Zeros(type, 4);
        Backend.Fill(c, double.NaN);
        Backend.Gemm(false, false, 2, 2, 3, a.Buffer, b.Buffer, c);
        ProductReference.Gemm(false, false, 2, 2, 3, a.Values, b.Values, new double[4], 0, Tolerances.UnitRoundoff(type)).Check(Read(c), "gemm over NaN");
    }

    /// <summary>A convolution writes each image's output into a slice of the batch's.</summary>
    [Theory, MemberData(nameof(FloatTypes))]
    public void Gemm_writes_into_a_slice_and_nowhere_else(ElementType type)
    {
        var a = Upload(type, Inputs.Uniform(7, 6));
        var b = Upload(type, Inputs.Uniform(8, 12));
        var batch = Upload(type, Inputs.Uniform(9, 3 * 8));
        Backend.Gemm(false, false, 2, 4, 3, a.Buffer, b.Buffer, batch.Buffer.Slice(8, 8));
        var product = ProductReference.Gemm(false, false, 2, 4, 3, a.Values, b.Values, new double[8], 0, Tolerances.UnitRoundoff(type));
        var values = batch.Values.ToArray();
        var bounds = new double[values.Length];
        product.Values.CopyTo(values, 8);
        product.Bounds.CopyTo(bounds, 8);
        new Expected(values, bounds).Check(Read(batch.Buffer), "batch");
    }

    public static TheoryData<ElementType, int, int, int, double, double> SpmmCases() => new()
    {
        { ElementType.Float32, 5, 7, 3, 0.4, 0 }, { ElementType.Float32, 33, 17, 8, 0.2, 0.5 }, { ElementType.Float32, 16, 16, 1, 1.0, 0 },
        { ElementType.Float32, 8, 12, 5, 0.0, 1 }, { ElementType.Float64, 5, 7, 3, 0.4, -1 }, { ElementType.Float64, 40, 30, 9, 0.1, 0 },
    };

    [Theory, MemberData(nameof(SpmmCases))]
    public void Spmm_matches_the_reference(ElementType type, int rows, int cols, int n, double density, double beta)
    {
        var pattern = Inputs.Pattern(rows * 13 + cols, rows, cols, density);
        var values = Upload(type, Inputs.Uniform(rows, pattern.ColumnIndices.Length));
        var b = Upload(type, Inputs.Uniform(cols, cols * n));
        var c = Upload(type, Inputs.Uniform(n, rows * n));
        var expected = ProductReference.Spmm(pattern, values.Values, n, b.Values, c.Values, Inputs.Round(type, beta), Tolerances.UnitRoundoff(type));
        Backend.Spmm(Upload(pattern), values.Buffer, n, b.Buffer, c.Buffer, beta);
        expected.Check(Read(c.Buffer), $"spmm {rows}x{cols} n={n}");
    }

    /// <summary>One pattern serves every batch size, including a smaller last batch, and beta 0 only writes C.</summary>
    [Theory, MemberData(nameof(FloatTypes))]
    public void Spmm_serves_several_batch_sizes_with_one_pattern(ElementType type)
    {
        var pattern = Inputs.Pattern(11, 9, 6, 0.5);
        var structure = Upload(pattern);
        var values = Upload(type, Inputs.Uniform(12, pattern.ColumnIndices.Length));
        foreach (int n in new[] { 4, 1, 4, 7 })
        {
            var b = Upload(type, Inputs.Uniform(n, 6 * n));
            var c = Zeros(type, 9 * n);
            Backend.Fill(c, double.NaN);
            Backend.Spmm(structure, values.Buffer, n, b.Buffer, c);
            ProductReference.Spmm(pattern, values.Values, n, b.Values, new double[9 * n], 0, Tolerances.UnitRoundoff(type)).Check(Read(c), $"spmm n={n}");
        }
    }

    public static TheoryData<ElementType, int, int, int, double> SddmmCases() => new()
    {
        { ElementType.Float32, 5, 7, 3, 0.4 }, { ElementType.Float32, 33, 17, 64, 0.2 }, { ElementType.Float32, 6, 6, 1, 1.0 },
        { ElementType.Float64, 5, 7, 3, 0.4 }, { ElementType.Float64, 20, 40, 9, 0.15 },
    };

    [Theory, MemberData(nameof(SddmmCases))]
    public void Sddmm_matches_the_reference_on_the_pattern_only(ElementType type, int rows, int cols, int n, double density)
    {
        var pattern = Inputs.Pattern(rows * 17 + cols, rows, cols, density);
        var x = Upload(type, Inputs.Uniform(rows, rows * n));
        var y = Upload(type, Inputs.Uniform(cols, cols * n));
        var output = Zeros(type, pattern.ColumnIndices.Length);
        Backend.Fill(output, double.NaN);
        Backend.Sddmm(Upload(pattern), n, x.Buffer, y.Buffer, output);
        ProductReference.Sddmm(pattern, n, x.Values, y.Values, Tolerances.UnitRoundoff(type)).Check(Read(output), $"sddmm {rows}x{cols} n={n}");
    }

    [Fact]
    public void Sparse_products_reject_a_column_index_out_of_range()
    {
        var structure = Structure(2, 3, [0, 1, 2], [0, 3]);
        var values = Zeros(ElementType.Float32, 2);
        var b = Zeros(ElementType.Float32, 3 * 2);
        Assert.Throws<EoiArgumentException>(() => Backend.Spmm(structure, values, 2, b, Zeros(ElementType.Float32, 2 * 2)));
        Assert.Throws<EoiArgumentException>(() => Backend.Sddmm(structure, 2, Zeros(ElementType.Float32, 2 * 2), b, values));
    }

    [Fact]
    public void Sparse_products_reject_decreasing_row_offsets()
    {
        var structure = Structure(2, 3, [0, 2, 1], [0, 1]);
        Assert.Throws<EoiArgumentException>(() =>
            Backend.Spmm(structure, Zeros(ElementType.Float64, 2), 1, Zeros(ElementType.Float64, 3), Zeros(ElementType.Float64, 2)));
    }
}
