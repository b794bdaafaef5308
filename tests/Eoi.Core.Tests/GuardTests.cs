namespace Eoi.Core.Tests;

/// <summary>Every guard's error names the parameter, the allowed range and the value given, and accepts the
/// edges of its range.</summary>
public class GuardTests
{
    static EoiArgumentException Rejects(Action check) => Assert.Throws<EoiArgumentException>(check);

    [Fact]
    public void PositiveRejectsZeroAndAcceptsOne()
    {
        var error = Rejects(() => Guard.Positive(0, "rows"));
        Assert.Equal("rows", error.ParameterName);
        Assert.Equal("rows must be a positive integer (>= 1); got 0", error.Message);
        Guard.Positive(1, "rows");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void IntegerRangeIsClosed(int value)
    {
        var error = Rejects(() => Guard.InRange(value, 0, 10, "depth"));
        Assert.Equal("depth", error.ParameterName);
        Assert.Equal($"depth must be in [0, 10]; got {value}", error.Message);
        Guard.InRange(0, 0, 10, "depth");
        Guard.InRange(10, 0, 10, "depth");
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(0.0009, "0.0009")]
    [InlineData(double.NaN, "NaN")]
    public void DoubleRangeIsClosedAndRejectsNaN(double value, string shown)
    {
        var error = Rejects(() => Guard.InRange(value, 0.001, 1, "density"));
        Assert.Equal("density", error.ParameterName);
        Assert.Equal($"density must be in [0.001, 1]; got {shown}", error.Message);
        Guard.InRange(0.001, 0.001, 1, "density");
        Guard.InRange(1.0, 0.001, 1, "density");
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.25, "1.25")]
    [InlineData(double.NaN, "NaN")]
    public void ExclusiveMinimumRejectsTheMinimum(double value, string shown)
    {
        var error = Rejects(() => Guard.InRangeExclusiveMin(value, 0, 1, "density"));
        Assert.Equal($"density must be in (0, 1]; got {shown}", error.Message);
        Guard.InRangeExclusiveMin(double.Epsilon, 0, 1, "density");
        Guard.InRangeExclusiveMin(1, 0, 1, "density");
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void FiniteRejectsNaNAndInfinities(double value, string shown)
    {
        var error = Rejects(() => Guard.Finite(value, "gain"));
        Assert.Equal($"gain must be a finite number; got {shown}", error.Message);
        Guard.Finite(-1e308, "gain");
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-2.0, "-2")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void PositiveFiniteRejectsZeroNegativesAndInfinity(double value, string shown)
    {
        var error = Rejects(() => Guard.PositiveFinite(value, "lr"));
        Assert.Equal("lr", error.ParameterName);
        Assert.Equal($"lr must be a finite number > 0; got {shown}", error.Message);
        Guard.PositiveFinite(double.Epsilon, "lr");
    }

    [Fact]
    public void NotNullNamesTheParameter()
    {
        var error = Rejects(() => Guard.NotNull(null, "path"));
        Assert.Equal("path", error.ParameterName);
        Assert.Equal("path must not be null", error.Message);
        Guard.NotNull("", "path");
    }

    [Fact]
    public void FormatErrorsNameTheFileFirst()
    {
        var error = new EoiFormatException("w.npy", "bad magic");
        Assert.Equal("w.npy", error.Path);
        Assert.Equal("w.npy: bad magic", error.Message);
        Assert.IsAssignableFrom<EoiException>(error);
    }
}
