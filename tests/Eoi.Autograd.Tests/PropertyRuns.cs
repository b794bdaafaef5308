using FsCheck.Xunit;

namespace Eoi.Autograd.Tests;

/// <summary>An FsCheck property whose case count comes from EOI_PROPERTY_RUNS (default
/// <see cref="DefaultCount"/>, small enough that the whole suite runs in seconds), with this suite's generators.</summary>
// FsCheck's PropertyAttribute has no source-information constructor to forward to, which xUnit3003 asks for.
#pragma warning disable xUnit3003
public sealed class EoiPropertyAttribute : PropertyAttribute
#pragma warning restore xUnit3003
{
    public const int DefaultCount = 20;

    public EoiPropertyAttribute()
    {
        MaxTest = Count;
        Arbitrary = [typeof(Generators)];
    }

    public static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable("EOI_PROPERTY_RUNS"), out int n) && n > 0 ? n : DefaultCount;
}
