using FsCheck.Xunit;

namespace Eoi.Autograd.Tests;

/// <summary>An FsCheck property with <see cref="PropertyRuns.Count"/> cases and this suite's generators.</summary>
// FsCheck's PropertyAttribute has no source-information constructor to forward to, which xUnit3003 asks for.
#pragma warning disable xUnit3003
public sealed class EoiPropertyAttribute : PropertyAttribute
#pragma warning restore xUnit3003
{
    public EoiPropertyAttribute()
    {
        MaxTest = PropertyRuns.Count;
        Arbitrary = [typeof(Generators)];
    }
}
