namespace Eoi.TestSupport;

/// <summary>Reproducible test inputs from a seed.</summary>
public static class SeededValues
{
    /// <summary><paramref name="count"/> values uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static double[] Uniform(int seed, int count, double low = -1, double high = 1)
    {
        var random = new System.Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = low + (high - low) * random.NextDouble();
        return values;
    }
}
