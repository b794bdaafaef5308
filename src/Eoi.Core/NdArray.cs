namespace Eoi.Core;

/// <summary>Element type of an array as it is (or was) stored in a file.</summary>
public enum DType
{
    /// <summary>IEEE single precision ('&lt;f4', F32).</summary>
    Float32,
    /// <summary>IEEE double precision ('&lt;f8', F64).</summary>
    Float64,
    /// <summary>A 0/1 mask (npy '|b1' or '|u1', safetensors BOOL or U8, Matrix Market pattern).</summary>
    Bool,
}

/// <summary>
/// A dense n-dimensional array in row-major (C) order, with values held as float64. Widening float32 to
/// float64 is exact, so an array read from a float32 file keeps its exact values and is written back to
/// float32 without loss; <see cref="DType"/> remembers what the values are.
/// </summary>
public sealed class NdArray
{
    /// <summary>The size of each dimension, outermost first.</summary>
    public int[] Shape { get; }
    /// <summary>The element type the values are (or were) stored as.</summary>
    public DType DType { get; }
    /// <summary>The values in row-major order, as float64.</summary>
    public double[] Data { get; }

    /// <summary>An array over <paramref name="data"/> (not copied); its length must be the product of
    /// <paramref name="shape"/>, and for <see cref="DType.Float32"/> every value must be a float32.</summary>
    public NdArray(int[] shape, DType dtype, double[] data)
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
        if (dtype == DType.Float32)
            foreach (double v in data)
                if (!double.IsNaN(v) && (double)(float)v != v)
                    throw new EoiArgumentException(nameof(data), $"a float32 array must hold float32-representable values; got {v:R}");
        Shape = (int[])shape.Clone();
        DType = dtype;
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
