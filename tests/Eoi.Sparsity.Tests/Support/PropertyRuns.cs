using FsCheck;

namespace Eoi.Sparsity.Tests.Support;

/// <summary>FsCheck configuration whose case count comes from EOI_PROPERTY_RUNS (default <see cref="DefaultCount"/>).</summary>
public static class PropertyRuns
{
    public const int DefaultCount = 25;

    public static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable("EOI_PROPERTY_RUNS"), out int n) && n > 0 ? n : DefaultCount;

    public static Config Config => Config.QuickThrowOnFailure.WithMaxTest(Count);
}
