namespace Eoi.Backends.Cpu.Tests.Support;

/// <summary>Sweeps an element-wise kernel over lengths 1..maxLength (every vector body + scalar tail split
/// at every width), compares each element with a float64 reference under a per-element bound (times
/// <see cref="Tolerances.ReferenceFactor"/>), and checks
/// that running in place gives the same bits.</summary>
internal static class ElementwiseCheck
{
    public delegate void Unary<T>(T[] x, T[] destination);
    public delegate void Binary<T>(T[] x, T[] y, T[] destination);

    public static void UnaryOp<T>(string name, Unary<T> kernel, Func<double, double> reference, Func<double, double, double> bound,
        double scale = 1, int maxLength = 256) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        double u = Tolerances.UnitRoundoff<T>();
        for (int length = 1; length <= maxLength; length++)
        {
            double[] x = TestData.Uniform(length, length, scale);
            T[] input = TestData.As<T>(x), output = new T[length];
            kernel(input, output);
            for (int i = 0; i < length; i++)
            {
                double expected = reference(x[i]);
                Expect.Within(double.CreateChecked(output[i]), expected, Tolerances.ReferenceFactor(u) * bound(x[i], expected), $"{typeof(T).Name} {name}({x[i]:R}) at {i} of {length}");
            }
            kernel(input, input);
            Expect.BitwiseEqual<T>(input, output, $"{typeof(T).Name} {name} in place, length {length}");
        }
    }

    public static void BinaryOp<T>(string name, Binary<T> kernel, Func<double, double, double> reference, Func<double, double, double, double> bound,
        double xScale = 1, Func<double, double>? xMap = null, int maxLength = 256) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        double u = Tolerances.UnitRoundoff<T>();
        for (int length = 1; length <= maxLength; length++)
        {
            double[] x = TestData.Uniform(length, length, xScale), y = TestData.Uniform(length, length + 1000);
            if (xMap is not null)
                x = Array.ConvertAll(x, v => double.CreateChecked(T.CreateChecked(xMap(v))));
            T[] left = TestData.As<T>(x), right = TestData.As<T>(y), output = new T[length];
            kernel(left, right, output);
            for (int i = 0; i < length; i++)
            {
                double expected = reference(x[i], y[i]);
                Expect.Within(double.CreateChecked(output[i]), expected, Tolerances.ReferenceFactor(u) * bound(x[i], y[i], expected),
                    $"{typeof(T).Name} {name}({x[i]:R}, {y[i]:R}) at {i} of {length}");
            }
            kernel(left, right, right);
            Expect.BitwiseEqual<T>(right, output, $"{typeof(T).Name} {name} in place, length {length}");
        }
    }
}
