using Eoi.Backends.Cpu.Kernels;
using Eoi.Backends.Cpu.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using TestData = Eoi.Backends.Cpu.Tests.Support.TestData;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>FsCheck properties over random shapes; the case count is <see cref="PropertyRuns.Count"/>.</summary>
public class PropertyTests
{
    record GemmCase(bool TransposeA, bool TransposeB, int M, int N, int K, double Beta, int Seed);

    static readonly Gen<GemmCase> GemmCases =
        from ta in ArbMap.Default.GeneratorFor<bool>()
        from tb in ArbMap.Default.GeneratorFor<bool>()
        from m in Gen.Choose(1, 40)
        from n in Gen.Choose(1, 70)
        from k in Gen.Choose(1, 300)
        from beta in Gen.Elements(0.0, 1.0, -0.5)
        from seed in Gen.Choose(0, 10_000)
        select new GemmCase(ta, tb, m, n, k, beta, seed);

    [Fact]
    public void GemmMatchesReferenceForAnyShape()
        => Prop.ForAll(GemmCases.ToArbitrary(), g =>
            GemmCheck.AgainstReference<float>(g.TransposeA, g.TransposeB, g.M, g.N, g.K, g.Beta, g.Seed)).Check(PropertyRuns.Config);

    /// <summary>(op(A) op(B))^T = op(B)^T op(A)^T exactly: each element is the same chain of fused
    /// multiply-adds with the factors of every product swapped, and products commute.</summary>
    [Fact]
    public void GemmOfTransposesIsTheTransposeBitForBit()
        => Prop.ForAll(GemmCases.ToArbitrary(), g =>
        {
            float[] a = TestData.ToFloat(TestData.Uniform(g.M * g.K, g.Seed)), b = TestData.ToFloat(TestData.Uniform(g.K * g.N, g.Seed + 1));
            float[] c = new float[g.M * g.N], swapped = new float[g.N * g.M], transposed = new float[g.M * g.N];
            Gemm.Multiply(g.TransposeA, g.TransposeB, g.M, g.N, g.K, a, b, c);
            Gemm.Multiply(!g.TransposeB, !g.TransposeA, g.N, g.M, g.K, b, a, swapped);
            for (int i = 0; i < g.M; i++)
                for (int j = 0; j < g.N; j++)
                    transposed[i * g.N + j] = swapped[j * g.M + i];
            Expect.BitwiseEqual<float>(transposed, c, $"{g}");
        }).Check(PropertyRuns.Config);

    record SparseCase(int Rows, int Cols, int N, double Density, int Seed);

    static readonly Gen<SparseCase> SparseCases =
        from rows in Gen.Choose(1, 60)
        from cols in Gen.Choose(1, 60)
        from n in Gen.Choose(1, 150)
        from density in Gen.Elements(0.0, 0.05, 0.3, 1.0)
        from seed in Gen.Choose(0, 10_000)
        select new SparseCase(rows, cols, n, density, seed);

    /// <summary>With k &lt;= Kc the GEMM is one fused chain per element over all k, where the zeros of the
    /// densified matrix leave the chain unchanged, so SpMM must give the very same bits.</summary>
    [Fact]
    public void SpmmEqualsGemmOfTheDensifiedMatrix()
        => Prop.ForAll(SparseCases.ToArbitrary(), s =>
        {
            Csr a = TestData.RandomCsr(s.Rows, s.Cols, s.Density, s.Seed);
            var dense = new float[s.Rows * s.Cols];
            for (int r = 0; r < s.Rows; r++)
                for (int p = a.RowOffsets[r]; p < a.RowOffsets[r + 1]; p++)
                    dense[r * s.Cols + a.ColumnIndices[p]] = (float)a.Values[p];
            float[] b = TestData.ToFloat(TestData.Uniform(s.Cols * s.N, s.Seed + 1));
            float[] before = TestData.ToFloat(TestData.Uniform(s.Rows * s.N, s.Seed + 2));
            float[] sparse = (float[])before.Clone(), gemm = (float[])before.Clone();
            SparseKernels.Spmm(s.Rows, s.N, s.Cols, a.RowOffsets, a.ColumnIndices, TestData.ToFloat(a.Values), b, sparse, 0.5f);
            Gemm.Multiply(false, false, s.Rows, s.N, s.Cols, dense, b, gemm, 0.5f);
            Expect.BitwiseEqual<float>(sparse, gemm, $"{s}");
        }).Check(PropertyRuns.Config);

    [Fact]
    public void SddmmMatchesReferenceForAnyShape()
        => Prop.ForAll(SparseCases.ToArbitrary(), s =>
            SparseCheck.SddmmAgainstReference<float>(TestData.RandomCsr(s.Rows, s.Cols, s.Density, s.Seed), s.N, s.Seed)).Check(PropertyRuns.Config);
}
