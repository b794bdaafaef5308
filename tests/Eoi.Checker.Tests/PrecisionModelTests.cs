using Eoi.Core;
using Eoi.IO;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Checker.Tests;

/// <summary>The three precision models: float32 implementations pass, corrupted matrices still fail, and
/// float64 matrices keep the float64 bound.</summary>
public class PrecisionModelTests
{
    static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "Data", "float32-implementations");

    public static TheoryData<string, double> AuthorsFiles => new()
    {
        { "authors_64x64_d0.2_seed1001", 0.19970703125 },
        { "authors_96x200_d0.1_seed1002", 0.09979166666666667 },
        { "authors_200x96_d0.1_seed1003", 0.09973958333333334 },
        { "authors_256x256_d0.3_seed1004", 0.29937744140625 },
    };

    static CheckItem Item(CheckReport report, string name) => report.Items.Single(i => i.Name == name);

    [Theory]
    [MemberData(nameof(AuthorsFiles))]
    public void TheAuthorsFloat32MatricesPassAtTheirAchievedDensity(string name, double achieved)
    {
        var w = NpyFile.Read(Path.Combine(DataDirectory, name + ".npy"));
        Assert.Equal(ElementType.Float32, w.ElementType);
        foreach (double? density in new double?[] { achieved, null })
        {
            var report = MatrixChecker.Check(w, new CheckOptions { TargetDensity = density });
            Assert.True(report.Passed, string.Join("; ", report.Failures));
            Assert.Equal("float32", Item(report, "precision model").Measured);
        }
        // The model matters: the bound of a float64 result rounded once rejects every one of them.
        var roundedOnce = MatrixChecker.Check(w, new CheckOptions { TargetDensity = achieved, ComputedIn = PrecisionModel.RoundedOnce });
        Assert.Equal(Verdict.Fail, Item(roundedOnce, "orthogonality").Verdict);
    }

    [Theory]
    [MemberData(nameof(AuthorsFiles))]
    public void TheAuthorsMatricesFailWithOneNonZeroMovedByOneTenThousandth(string name, double achieved)
    {
        var w = NpyFile.Read(Path.Combine(DataDirectory, name + ".npy"));
        w = MoveLargestNonZero(w, 1e-4);
        var report = MatrixChecker.Check(w, new CheckOptions { TargetDensity = achieved });
        Assert.Equal(Verdict.Fail, Item(report, "orthogonality").Verdict);
    }

    /// <summary>A few shapes in both orientations up to density 0.9; the properties (Eoi.Properties) cover
    /// random shapes and seeds, and shapes up to 4096 x 4096 with EOI_PROPERTY_RUNS >= 100.</summary>
    public static TheoryData<int, int, double, ulong, double> Float32Cases => new()
    {
        { 64, 64, 0.2, 1, 1.0 },
        { 100, 784, 0.1, 2, 1.0 },
        { 784, 100, 0.5, 3, 1.0247 },
        { 256, 256, 0.9, 4, 2.0 },
    };

    [Theory]
    [MemberData(nameof(Float32Cases))]
    public void Float32ReplaysPassAndFailWhenOneNonZeroMoves(int rows, int cols, double density, ulong seed, double gain)
    {
        var plan = SparseOrthogonal.Plan(rows, cols, density, RngKey.FromSeed(seed));
        var w = SparseOrthogonal.Materialize(plan, gain, Accumulation.Float32).ToDenseFloat32();
        var options = new CheckOptions { TargetDensity = density, Gain = gain, Rotations = plan.Rotations.Count };
        var withHits = options with { MaxColumnHits = Tolerances.MaxColumnHits(plan.Rotations, plan.LongSide) };

        foreach (var o in new[] { options, withHits, new CheckOptions { Gain = gain } })
        {
            var report = MatrixChecker.Check(w, o);
            Assert.True(report.Passed, string.Join("; ", report.Failures));
        }
        w = MoveLargestNonZero(w, 1e-4 * gain);
        foreach (var o in new[] { options, withHits, new CheckOptions { Gain = gain } })
            Assert.Equal(Verdict.Fail, Item(MatrixChecker.Check(w, o), "orthogonality").Verdict);
    }

    [Fact]
    public void Float32AccumulationDiffersFromRoundingOnceAndTheRoundedOnceBoundIsTooTightForIt()
    {
        var plan = SparseOrthogonal.Plan(256, 256, 0.5, RngKey.FromSeed(11));
        var accumulated = SparseOrthogonal.Materialize(plan, 1.0, Accumulation.Float32).ToDenseFloat32();
        var roundedOnce = SparseOrthogonal.Materialize(plan).ToDenseFloat32();
        Assert.NotEqual(accumulated.Data.ToArray(), roundedOnce.Data.ToArray());
        var error = GramErrors.Orthogonality(GramErrors.ToCsr(accumulated.Data, 256, 256), 1.0).Max;
        Assert.True(error > Tolerances.Epsilon32, $"float32 accumulation should lose more than one rounding; error {error:E3}");
        Assert.True(error <= Tolerances.Float32Bound(Tolerances.MaxColumnHits(plan.Rotations, plan.LongSide), 1.0));
    }

    [Fact]
    public void Float64MatricesKeepTheFloat64Bound()
    {
        var plan = SparseOrthogonal.Plan(100, 784, 0.1, RngKey.FromSeed(1));
        var w = SparseOrthogonal.Materialize(plan).ToDense();
        var report = MatrixChecker.Check(w, new CheckOptions { Rotations = plan.Rotations.Count });
        Assert.Equal("float64", Item(report, "precision model").Measured);
        Assert.Equal(Tolerances.Float64Bound(plan.Rotations.Count, 1.0).ToString("G4", System.Globalization.CultureInfo.InvariantCulture), Item(report, "orthogonality").Limit["max <= ".Length..]);
        int first = w.IndexOf(v => v != 0);
        w = w.With(first, w.Data[first] + 1e-12);
        Assert.Equal(Verdict.Fail, Item(MatrixChecker.Check(w, new CheckOptions()), "orthogonality").Verdict);
    }

    [Fact]
    public void StatedModelsMustFitTheElementType()
    {
        var w64 = SparseOrthogonal.Generate(16, 16, 0.5, RngKey.FromSeed(1)).ToDense();
        var w32 = SparseOrthogonal.Generate(16, 16, 0.5, RngKey.FromSeed(1)).ToDenseFloat32();
        var ex = Assert.Throws<EoiArgumentException>(() => MatrixChecker.Check(w32, new CheckOptions { ComputedIn = PrecisionModel.Float64 }));
        Assert.Contains("rounded-once", ex.Message);
        Assert.Throws<EoiArgumentException>(() => MatrixChecker.Check(w64, new CheckOptions { ComputedIn = PrecisionModel.RoundedOnce }));
        // float64 values computed in float32 and widened are judged by the float32 model.
        var widened = new NdArray(w64.Shape, ElementType.Float64, SparseOrthogonal.Materialize(SparseOrthogonal.Plan(16, 16, 0.5, RngKey.FromSeed(1)), 1.0, Accumulation.Float32).ToDense().Data);
        Assert.True(MatrixChecker.Check(widened, new CheckOptions { ComputedIn = PrecisionModel.Float32 }).Passed);
    }

    [Theory]
    [InlineData(1e200)]
    [InlineData(1e141)]
    [InlineData(1e-141)]
    public void GainsWithoutAFiniteBoundAreRefused(double gain)
    {
        var w = SparseOrthogonal.Generate(16, 16, 0.5, RngKey.FromSeed(1)).ToDense();
        var ex = Assert.Throws<EoiArgumentException>(() => MatrixChecker.Check(w, new CheckOptions { Gain = gain }));
        Assert.Equal("gain", ex.ParameterName);
        Assert.Contains("1e140", ex.Message);
    }

    /// <summary>Adds <paramref name="delta"/> to the non-zero of largest magnitude (a row's dominant entry moves
    /// its own Gram diagonal by about 2 |w| delta).</summary>
    static NdArray MoveLargestNonZero(NdArray w, double delta)
    {
        int p = 0;
        for (int q = 1; q < w.Data.Length; q++)
            if (Math.Abs(w.Data[q]) > Math.Abs(w.Data[p])) p = q;
        return w.With(p, w.ElementType == ElementType.Float32 ? (float)(w.Data[p] + delta) : w.Data[p] + delta);
    }
}
