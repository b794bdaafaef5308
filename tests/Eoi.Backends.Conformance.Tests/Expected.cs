namespace Eoi.Backends.Conformance.Tests;

/// <summary>A reference result: the exact value of each element and how far a backend's may lie from it.</summary>
sealed record Expected(double[] Values, double[] Bounds)
{
    public static Expected Exact(double[] values) => new(values, new double[values.Length]);

    /// <summary>Fails on the first element off by more than its bound (NaN must meet NaN), naming it.</summary>
    public void Check(double[] actual, string what)
    {
        Assert.Equal(Values.Length, actual.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            double expected = Values[i], error = Math.Abs(actual[i] - expected), bound = Bounds[i] + Tolerances.AbsoluteFloor;
            if (double.IsNaN(expected) ? !double.IsNaN(actual[i]) : !(error <= bound))
                Assert.Fail($"{what}[{i}] of {actual.Length}: got {actual[i]:R}, expected {expected:R}, |error| {error:E3} > bound {bound:E3}");
        }
    }
}
