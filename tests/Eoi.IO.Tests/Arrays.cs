using Eoi.Core;

namespace Eoi.IO.Tests;

/// <summary>Test arrays and an exact, bit-level comparison (NaN payloads and the sign of zero included).</summary>
static class Arrays
{
    public static NdArray Random(int[] shape, ElementType dtype, int seed)
    {
        var random = new System.Random(seed);
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var data = new double[count];
        for (long k = 0; k < count; k++)
            data[k] = dtype switch
            {
                ElementType.Bool => random.Next(2),
                ElementType.Float32 => (float)(random.NextDouble() * 2 - 1) * MathF.Pow(10, random.Next(-30, 30)),
                _ => (random.NextDouble() * 2 - 1) * Math.Pow(10, random.Next(-300, 300)),
            };
        return new NdArray(shape, dtype, data);
    }

    /// <summary>Values that a careless writer would lose: signed zero, subnormals, extremes, infinities.</summary>
    public static NdArray Awkward(ElementType dtype)
    {
        double[] data = dtype == ElementType.Float32
            ? [-0.0, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, float.PositiveInfinity, 0.1f, 1f / 3f]
            : [-0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, double.NegativeInfinity, 0.1, 1.0 / 3.0];
        return new NdArray([2, 4], dtype, data);
    }

    public static void AssertIdentical(NdArray expected, NdArray actual)
    {
        Assert.Equal(expected.ElementType, actual.ElementType);
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.Data.Length, actual.Data.Length);
        for (int k = 0; k < expected.Data.Length; k++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected.Data[k]) == BitConverter.DoubleToInt64Bits(actual.Data[k]),
                $"element {k}: expected {expected.Data[k]:R}, got {actual.Data[k]:R}");
    }
}
