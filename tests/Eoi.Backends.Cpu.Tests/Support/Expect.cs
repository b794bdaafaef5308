using System.Runtime.InteropServices;

namespace Eoi.Backends.Cpu.Tests.Support;

/// <summary>Assertions that report the first offending element with its bound.</summary>
internal static class Expect
{
    public static void Within(double actual, double expected, double bound, string what)
    {
        double error = Math.Abs(actual - expected);
        bool sameSpecial = actual.Equals(expected);
        if (!(error <= bound) && !sameSpecial)
            Assert.Fail($"{what}: got {actual:R}, expected {expected:R}, |error| {error:E3} > bound {bound:E3}");
    }

    public static void BitwiseEqual<T>(ReadOnlySpan<T> actual, ReadOnlySpan<T> expected, string what) where T : unmanaged
    {
        Assert.Equal(expected.Length, actual.Length);
        if (MemoryMarshal.AsBytes(actual).SequenceEqual(MemoryMarshal.AsBytes(expected)))
            return;
        int size = MemoryMarshal.AsBytes(actual).Length / actual.Length;
        for (int i = 0; ; i++)
            if (!MemoryMarshal.AsBytes(actual.Slice(i, 1)).SequenceEqual(MemoryMarshal.AsBytes(expected.Slice(i, 1))))
                Assert.Fail($"{what}: element {i} of {actual.Length} differs in its {size}-byte pattern: {actual[i]} vs {expected[i]}");
    }
}
