using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Checker.Tests;

public class MatrixCheckerTests
{
    static NdArray Eoi(int rows, int cols, double density, ulong seed = 1, double gain = 1.0) =>
        SparseOrthogonal.Generate(rows, cols, density, RngKey.FromSeed(seed), gain).ToDense();

    static CheckItem Item(CheckReport report, string name) => report.Items.Single(i => i.Name == name);

    [Theory]
    [InlineData(100, 784, 0.1)]
    [InlineData(784, 100, 0.1)]
    [InlineData(64, 64, 1.0)]
    [InlineData(1, 50, 0.02)]
    public void AcceptsEoiMatrices(int rows, int cols, double density)
    {
        var report = MatrixChecker.Check(Eoi(rows, cols, density), new CheckOptions { TargetDensity = density });
        Assert.True(report.Passed, string.Join("; ", report.Failures));
    }

    [Fact]
    public void AcceptsFloat32RoundingButItNeedsTheFloat32Allowance()
    {
        var w = SparseOrthogonal.Generate(128, 128, 0.5, RngKey.FromSeed(3)).ToDenseFloat32();
        var report = MatrixChecker.Check(w, new CheckOptions { TargetDensity = 0.5 });
        Assert.True(report.Passed, string.Join("; ", report.Failures));
        var asFloat64 = new NdArray(w.Shape, ElementType.Float64, w.Data);
        Assert.False(MatrixChecker.Check(asFloat64, new CheckOptions()).Passed); // rounding error >> float64 bound
    }

    [Fact]
    public void RejectsOneEntryChangedByOneMillionth()
    {
        var w = Eoi(100, 784, 0.1);
        int p = w.IndexOf(v => v != 0);
        w = w.With(p, w.Data[p] + 1e-6);
        var report = MatrixChecker.Check(w, new CheckOptions { TargetDensity = 0.1 });
        Assert.Equal(Verdict.Fail, Item(report, "orthogonality").Verdict);
    }

    [Fact]
    public void RejectsNaN()
    {
        var w = Eoi(100, 784, 0.1);
        w = w.With(5, double.NaN);
        var report = MatrixChecker.Check(w, new CheckOptions());
        Assert.Equal(Verdict.Fail, Item(report, "finite entries").Verdict);
        Assert.Equal(Verdict.Fail, Item(report, "orthogonality").Verdict);
    }

    [Fact]
    public void RejectsTheWrongDensity()
    {
        var report = MatrixChecker.Check(Eoi(100, 100, 0.1), new CheckOptions { TargetDensity = 0.2 });
        Assert.Equal(Verdict.Fail, Item(report, "density").Verdict);
    }

    [Fact]
    public void GainMustBeStated()
    {
        var w = Eoi(64, 64, 0.2, gain: 1.0247);
        Assert.True(MatrixChecker.Check(w, new CheckOptions { Gain = 1.0247 }).Passed);
        Assert.False(MatrixChecker.Check(w, new CheckOptions()).Passed);
    }

    [Fact]
    public void JudgesThePatternAgainstAMask()
    {
        var m = SparseOrthogonal.Generate(50, 80, 0.2, RngKey.FromSeed(4));
        var w = m.ToDense();
        Assert.True(MatrixChecker.Check(w, new CheckOptions { Mask = m.MaskToDense() }).Passed);

        var mask = m.MaskToDense();
        int p = mask.IndexOf(v => v != 0);
        mask = mask.With(p, 0); // a value now lies outside the mask
        var report = MatrixChecker.Check(w, new CheckOptions { Mask = mask });
        Assert.Equal(Verdict.Fail, Item(report, "values outside the mask").Verdict);
    }

    [Fact]
    public void ComparesWithAReferenceBitForBit()
    {
        var w = Eoi(30, 40, 0.3);
        var reference = new NdArray(w.Shape, ElementType.Float64, w.Data);
        Assert.True(MatrixChecker.Check(w, new CheckOptions { Reference = reference }).Passed);
        int p = reference.IndexOf(v => v != 0);
        reference = reference.With(p, Math.BitIncrement(reference.Data[p]));
        var report = MatrixChecker.Check(w, new CheckOptions { Reference = reference });
        Assert.Equal(Verdict.Fail, Item(report, "entries differing from reference").Verdict);
    }

    [Fact]
    public void RejectsANonOrthogonalMatrix()
    {
        var w = new NdArray([2, 2], ElementType.Float64, [1, 0.5, 0, 1]);
        Assert.False(MatrixChecker.Check(w, new CheckOptions()).Passed);
    }

    [Theory]
    [InlineData(new[] { 3 }, "array")]
    [InlineData(new[] { 2, 2, 2 }, "array")]
    public void RejectsOtherRanksNamingTheArgument(int[] shape, string parameter)
    {
        var w = new NdArray(shape, ElementType.Float64, new double[shape.Aggregate(1, (a, b) => a * b)]);
        var e = Assert.Throws<EoiArgumentException>(() => MatrixChecker.Check(w, new CheckOptions()));
        Assert.Equal(parameter, e.ParameterName);
        Assert.Contains("rank", e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void RejectsBadTargetDensity(double density)
    {
        var e = Assert.Throws<EoiArgumentException>(() => MatrixChecker.Check(Eoi(4, 4, 0.5), new CheckOptions { TargetDensity = density }));
        Assert.Equal("density", e.ParameterName);
    }
}
