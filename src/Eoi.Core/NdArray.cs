namespace Eoi.Core;

/// <summary>
/// A dense n-dimensional array in row-major (C) order, with values held as float64. Widening float32 to
/// float64 is exact, so an array read from a float32 file keeps its exact values and is written back to
/// float32 without loss; <see cref="ElementType"/> remembers what the values are.
/// </summary>
public sealed class NdArray
{
    /// <summary>The size of each dimension, outermost first.</summary>
    public int[] Shape { get; }
    /// <summary>The element type the values are (or were) stored as.</summary>
    public ElementType ElementType { get; }
    /// <summary>The values in row-major order, as float64.</summary>
    public double[] Data { get; }

    /// <summary>An array over <paramref name="data"/> (not copied); its length must be the product of
    /// <paramref name="shape"/>, and for <see cref="ElementType.Float32"/> every value must be a float32.</summary>
    public NdArray(int[] shape, ElementType dtype, double[] data)
    {
        Guard.NotNull(shape, nameof(shape));
        Guard.NotNull(data, nameof(data));
        long count = 1;
        foreach (int dim in shape)
        {
            if (dim < 0)
                throw new EoiArgumentException(nameof(shape), $"shape dimensions must be >= 0; got [{string.Join(", ", shape)}]");
            count *= dim;
        }
        if (count != data.Length)
            throw new EoiArgumentException(nameof(data),
                $"data length must equal the product of shape [{string.Join(", ", shape)}] = {count}; got {data.Length}");
        if (dtype is not (ElementType.Float32 or ElementType.Float64 or ElementType.Bool))
            throw new EoiArgumentException(nameof(dtype), $"dtype must be Float32, Float64 or Bool, the element types files store; got {dtype}");
        if (dtype == ElementType.Float32)
            foreach (double v in data)
                if (!double.IsNaN(v) && (double)(float)v != v)
                    throw new EoiArgumentException(nameof(data), $"a float32 array must hold float32-representable values; got {v:R}");
        Shape = (int[])shape.Clone();
        ElementType = dtype;
        Data = data;
    }

    /// <summary>Number of dimensions.</summary>
    public int Rank => Shape.Length;
    /// <summary>Number of elements.</summary>
    public long Count => Data.LongLength;

    /// <summary>The shape as "a x b x c", for messages.</summary>
    public string ShapeText => Shape.Length == 0 ? "scalar" : string.Join(" x ", Shape);

    /// <summary>Number of entries that are not exactly zero (NaN counts as non-zero).</summary>
    public long CountNonZero()
    {
        long n = 0;
        foreach (double v in Data)
            if (v != 0) n++;
        return n;
    }
}
