namespace Eoi.Core;

/// <summary>
/// A dense n-dimensional array in row-major (C) order, with values held as float64. Widening float32 to
/// float64 is exact, so an array read from a float32 file keeps its exact values and is written back to
/// float32 without loss; <see cref="ElementType"/> remembers what the values are. Immutable: it keeps its own
/// copy of the caller's values and shows them read-only.
/// </summary>
public sealed class NdArray
{
    readonly double[] data;

    /// <summary>The size of each dimension, outermost first.</summary>
    public Shape Shape { get; }
    /// <summary>The element type the values are (or were) stored as.</summary>
    public ElementType ElementType { get; }
    /// <summary>The values in row-major order, as float64.</summary>
    public ReadOnlySpan<double> Data => data;

    /// <summary>An array over a copy of <paramref name="data"/>; its length must be the product of
    /// <paramref name="shape"/>, and for <see cref="ElementType.Float32"/> every value must be a float32.</summary>
    public NdArray(ReadOnlySpan<int> shape, ElementType dtype, ReadOnlySpan<double> data)
        : this(shape, dtype, data.ToArray())
    {
    }

    /// <summary>An array over values nobody else holds, kept as they are.</summary>
    internal static NdArray Adopt(ReadOnlySpan<int> shape, ElementType dtype, double[] data) => new(shape, dtype, data);

    NdArray(ReadOnlySpan<int> shape, ElementType dtype, double[] data)
    {
        long count = 1;
        foreach (int dim in shape)
        {
            if (dim < 0)
                throw new EoiArgumentException(nameof(shape), $"shape dimensions must be >= 0; got [{string.Join(", ", shape.ToArray())}]");
            count *= dim;
        }
        if (count != data.Length)
            throw new EoiArgumentException(nameof(data),
                $"data length must equal the product of shape [{string.Join(", ", shape.ToArray())}] = {count}; got {data.Length}");
        if (dtype is not (ElementType.Float32 or ElementType.Float64 or ElementType.Bool))
            throw new EoiArgumentException(nameof(dtype), $"dtype must be Float32, Float64 or Bool, the element types files store; got {dtype}");
        if (dtype == ElementType.Float32)
            foreach (double v in data)
                if (!double.IsNaN(v) && (double)(float)v != v)
                    throw new EoiArgumentException(nameof(data), $"a float32 array must hold float32-representable values; got {v:R}");
        Shape = new Shape(shape);
        ElementType = dtype;
        this.data = data;
    }

    /// <summary>Number of dimensions.</summary>
    public int Rank => Shape.Rank;
    /// <summary>Number of elements.</summary>
    public long Count => data.LongLength;

    /// <summary>The shape as "a x b x c", for messages.</summary>
    public string ShapeText => Shape.Rank == 0 ? "scalar" : string.Join(" x ", Shape);

    /// <summary>The same values under another shape of as many elements; the values are shared, not copied,
    /// which is safe because neither array can change them.</summary>
    public NdArray Reshaped(ReadOnlySpan<int> shape) => new(shape, ElementType, data);

    /// <summary>Number of entries that are not exactly zero (NaN counts as non-zero).</summary>
    public long CountNonZero()
    {
        long n = 0;
        foreach (double v in data)
            if (v != 0) n++;
        return n;
    }
}
