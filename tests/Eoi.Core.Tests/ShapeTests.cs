namespace Eoi.Core.Tests;

public class ShapeTests
{
    [Fact]
    public void ShapesReadAsCollections()
    {
        Shape shape = [2, 3, 4];
        Assert.Equal(3, shape.Rank);
        Assert.Equal(24, shape.ElementCount);
        Assert.Equal(12, shape.ElementsFrom(1));
        Assert.Equal(6, shape.ElementsBefore(2));
        Assert.Equal("[2, 3, 4]", shape.ToString());
        Assert.Equal("2 x 3 x 4", string.Join(" x ", shape));
        Assert.Equal([2, 3, 4], shape.Select(d => d).ToArray());
        Assert.Equal(new Shape(2, 3, 4), shape);
        Assert.NotEqual(new Shape(2, 3), shape);
        Assert.Equal(1, Shape.Scalar.ElementCount);
        Assert.Equal(0, Shape.Scalar.Rank);
    }

    [Fact]
    public void KeepsItsOwnCopyOfTheDimensions()
    {
        int[] dimensions = [2, 3];
        var shape = new Shape(dimensions);
        dimensions[0] = 5;
        Assert.Equal(2, shape[0]);
        ReadOnlySpan<int> view = shape;
        Assert.Equal([2, 3], view.ToArray());
    }

    [Fact]
    public void RejectsANegativeDimensionAndTooManyElements()
    {
        Assert.Equal("dimensions", Assert.Throws<EoiArgumentException>(() => new Shape(2, -1)).ParameterName);
        var error = Assert.Throws<EoiArgumentException>(() => new Shape(65536, 65536));
        Assert.Equal($"a shape may hold at most {Array.MaxLength} elements; got [65536, 65536]", error.Message);
    }
}
