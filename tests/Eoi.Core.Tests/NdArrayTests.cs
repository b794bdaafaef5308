namespace Eoi.Core.Tests;

public class NdArrayTests
{
    [Fact]
    public void HoldsShapeTypeAndValues()
    {
        var array = new NdArray([2, 3], ElementType.Float64, [1, 0, 2, 0, -0.0, 3]);
        Assert.Equal(2, array.Rank);
        Assert.Equal(6, array.Count);
        Assert.Equal("2 x 3", array.ShapeText);
        Assert.Equal(ElementType.Float64, array.ElementType);
        Assert.Equal(new Shape(2, 3), array.Shape);
        Assert.Equal([2, 3], array.Shape.Dimensions.ToArray());
    }

    [Fact]
    public void RefusesAnElementTypeNoFileStores()
    {
        var ex = Assert.Throws<EoiArgumentException>(() => new NdArray([2], ElementType.Int32, [1, 2]));
        Assert.Contains("dtype must be Float32, Float64 or Bool", ex.Message);
        Assert.Contains("got Int32", ex.Message);
    }

    [Fact]
    public void KeepsItsOwnCopyOfTheShape()
    {
        int[] shape = [2, 2];
        var array = new NdArray(shape, ElementType.Float64, new double[4]);
        shape[0] = 4;
        Assert.Equal(new Shape(2, 2), array.Shape);
    }

    [Fact]
    public void KeepsItsOwnCopyOfTheValues()
    {
        // The array shows its values as a read-only span (no setter to call); the caller's array stays the caller's.
        double[] data = [1, 2, 3, 4];
        var array = new NdArray([2, 2], ElementType.Float64, data);
        data[0] = 99;
        Assert.Equal(1.0, array.Data[0]);
        Assert.Equal([1.0, 2, 3, 4], array.Data.ToArray());
    }

    [Fact]
    public void AScalarHasRankZeroAndOneValue()
    {
        var scalar = new NdArray([], ElementType.Float64, [7]);
        Assert.Equal(0, scalar.Rank);
        Assert.Equal(1, scalar.Count);
        Assert.Equal("scalar", scalar.ShapeText);
    }

    [Fact]
    public void AZeroDimensionHoldsNoValues()
    {
        var empty = new NdArray([0, 3], ElementType.Float32, []);
        Assert.Equal(0, empty.Count);
        Assert.Equal(0, empty.CountNonZero());
    }

    [Fact]
    public void CountNonZeroCountsNaNButNotNegativeZero()
    {
        var array = new NdArray([5], ElementType.Float64, [0, -0.0, double.NaN, 1e-300, double.NegativeInfinity]);
        Assert.Equal(3, array.CountNonZero());
    }

    [Fact]
    public void RejectsANegativeDimension()
    {
        var error = Assert.Throws<EoiArgumentException>(() => new NdArray([2, -1], ElementType.Float64, []));
        Assert.Equal("shape", error.ParameterName);
        Assert.Equal("shape dimensions must be >= 0; got [2, -1]", error.Message);
    }

    [Fact]
    public void RejectsDataOfTheWrongLength()
    {
        var error = Assert.Throws<EoiArgumentException>(() => new NdArray([2, 3], ElementType.Float64, new double[5]));
        Assert.Equal("data", error.ParameterName);
        Assert.Equal("data length must equal the product of shape [2, 3] = 6; got 5", error.Message);
    }

    [Fact]
    public void AFloat32ArrayHoldsOnlyFloat32Values()
    {
        // 0.1 is not a float32; 0.5, the float32 nearest 0.1 and NaN are.
        var error = Assert.Throws<EoiArgumentException>(() => new NdArray([1], ElementType.Float32, [0.1]));
        Assert.Equal("data", error.ParameterName);
        Assert.Equal("a float32 array must hold float32-representable values; got 0.1", error.Message);
        var accepted = new NdArray([3], ElementType.Float32, [0.5, (float)0.1, double.NaN]);
        Assert.Equal((double)(float)0.1, accepted.Data[1]);
    }
}
