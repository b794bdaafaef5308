using Eoi.Orthogonal;
using FsCheck;
using FsCheck.Fluent;

namespace Eoi.Properties;

/// <summary>Case generators. Sizes ignore FsCheck's size parameter: every run covers 1..256 from the start.</summary>
public static class Generators
{
    public const int MaxSide = 256;

    /// <summary>Any uint64, with 0 and 2^64 - 1 drawn on purpose.</summary>
    public static Gen<ulong> Seed { get; } = Gen.Frequency(
        (1, Gen.Elements(0UL, ulong.MaxValue)),
        (9, from high in Gen.Choose(int.MinValue, int.MaxValue)
            from low in Gen.Choose(int.MinValue, int.MaxValue)
            select (ulong)(uint)high << 32 | (uint)low));

    /// <summary>Shapes in both orientations with extra weight on squares, 1 x n, n x 1 and small sides.</summary>
    public static Gen<(int Rows, int Cols)> Shape { get; } = Gen.Frequency(
        (3, from n in Side select (n, n)),
        (1, from n in Side select (1, n)),
        (1, from n in Side select (n, 1)),
        (4, from rows in Side from cols in Side select (rows, cols)));

    static Gen<int> Side => Gen.Frequency((1, Gen.Choose(1, 8)), (3, Gen.Choose(1, MaxSide)));

    /// <summary>
    /// A density in [minimum, 1]: both end points on purpose; otherwise uniform, log-uniform (so densities
    /// just above the minimum, a few rotations, come up as often as dense ones), a whole number of entries
    /// k / (rows cols), where the rule can land exactly on the target, or a half-way count (k + 1/2) /
    /// (rows cols), where two iterates one entry apart tie and the rule must keep the later one.
    /// </summary>
    public static Gen<double> DensityFor(int rows, int cols)
    {
        double minimum = SparseOrthogonal.MinimumDensity(rows, cols);
        long total = (long)rows * cols;
        return Gen.Frequency(
                (1, Gen.Constant(minimum)),
                (1, Gen.Constant(1.0)),
                (3, from u in UnitInterval select minimum + u * (1.0 - minimum)),
                (2, from u in UnitInterval select minimum * Math.Pow(1.0 / minimum, u)),
                (2, from u in UnitInterval select Math.Round(u * total) / total),
                (2, from u in UnitInterval select (Math.Round(u * total) + 0.5) / total))
            .Select(d => Math.Clamp(d, minimum, 1.0));
    }

    /// <summary>Uniform in [0, 1] on a grid of 2^30 steps.</summary>
    public static Gen<double> UnitInterval { get; } = Gen.Choose(0, 1 << 30).Select(k => k / (double)(1 << 30));

    public static Gen<double> Gain { get; } = Gen.Frequency(
        (2, Gen.Constant(1.0)),
        (1, Gen.Elements(1.0247, 0.5, 2.0)),
        (1, UnitInterval.Select(u => 0.1 + 9.9 * u)));

    public static Arbitrary<MatrixCase> Matrices(StoppingRule rule) => Arb.From(
        from shape in Shape
        from density in DensityFor(shape.Rows, shape.Cols)
        from seed in Seed
        from gain in Gain
        select new MatrixCase(shape.Rows, shape.Cols, density, seed, gain, rule));

    /// <summary>Both stopping rules, the paper's three times as often.</summary>
    public static Arbitrary<MatrixCase> Matrices() => Arb.From(Gen.Frequency(
        (3, Matrices(StoppingRule.Paper).Generator),
        (1, Matrices(StoppingRule.ExactCount).Generator)));

    /// <summary>Kernels with 1..64 channels each way and odd sides 1, 3, 5 (square two times in three).</summary>
    public static Arbitrary<KernelCase> Kernels() => Arb.From(
        from outChannels in Gen.Choose(1, 64)
        from inChannels in Gen.Choose(1, 64)
        from height in Gen.Elements(1, 3, 5)
        from width in Gen.Frequency((2, Gen.Constant(height)), (1, Gen.Elements(1, 3, 5)))
        from density in Gen.Frequency((3, UnitInterval.Select(u => Math.Pow(1e-4, u))), (1, Gen.Constant(1.0)))
        from seed in Seed
        from gain in Gain
        from rule in Gen.Elements(CentreDensityRule.Plain, CentreDensityRule.MoreNonZeros)
        select new KernelCase(new KernelShape(outChannels, inChannels, height, width), density, seed, gain, rule));
}
