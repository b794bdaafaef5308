using Eoi.Core;

namespace Eoi.TestSupport;

/// <summary>Arrays with one entry changed, for tests that break a valid matrix on purpose. An
/// <see cref="NdArray"/> is immutable, so each edit is a new array.</summary>
public static class ArrayEdits
{
    /// <summary>A copy of <paramref name="array"/> whose entry <paramref name="index"/> is <paramref name="value"/>.</summary>
    public static NdArray With(this NdArray array, int index, double value) => array.With((index, value));

    /// <summary>A copy of <paramref name="array"/> with each (index, value) written in order.</summary>
    public static NdArray With(this NdArray array, params ReadOnlySpan<(int Index, double Value)> edits)
    {
        var data = array.Data.ToArray();
        foreach (var (index, value) in edits)
            data[index] = value;
        return new NdArray(array.Shape, array.ElementType, data);
    }

    /// <summary>The flat index of the first entry from <paramref name="start"/> on that satisfies
    /// <paramref name="match"/>, or -1.</summary>
    public static int IndexOf(this NdArray array, Func<double, bool> match, int start = 0)
    {
        for (int p = start; p < array.Data.Length; p++)
            if (match(array.Data[p]))
                return p;
        return -1;
    }
}
