using Eoi.Core;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>Argument checks shared by the kernels. The kernels index through raw pointers after these
/// checks, so every length and index that could reach memory is verified here, once per call.</summary>
internal static class KernelArguments
{
    public static void NonNegative(int value, string name)
    {
        if (value < 0)
            throw new EoiArgumentException(name, $"{name} must be >= 0; got {value}");
    }

    public static void HasLength(int actual, long required, string name, string requiredText)
    {
        if (actual < required)
            throw new EoiArgumentException(name, $"{name} must hold at least {requiredText} = {required} elements; got {actual}");
    }

    public static void SameLength(int actual, long expected, string name, string expectedName)
    {
        if (actual != expected)
            throw new EoiArgumentException(name, $"{name} must have the length of {expectedName} ({expected}); got {actual}");
    }

    /// <summary>-1 means "all cores", as in <see cref="ParallelOptions.MaxDegreeOfParallelism"/>.</summary>
    public static void Parallelism(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
            throw new EoiArgumentException(nameof(maxDegreeOfParallelism),
                $"maxDegreeOfParallelism must be -1 (all cores) or >= 1; got {maxDegreeOfParallelism}");
    }

    /// <summary>In-place use (the very same span) is allowed; a shifted overlap would read already-written
    /// elements.</summary>
    public static void NoPartialOverlap<T>(ReadOnlySpan<T> input, Span<T> output, string inputName)
    {
        if (input.Overlaps(output, out int offset) && offset != 0)
            throw new EoiArgumentException(inputName, $"{inputName} must be the output itself or not overlap it; got an overlap shifted by {offset} elements");
    }
}
