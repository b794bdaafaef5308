namespace Eoi.Orthogonal.Tests.Golden;

public class GoldenVectorTests
{
    const string RegenerateVariable = "EOI_REGENERATE_GOLDEN";

    public static bool Regenerating => Environment.GetEnvironmentVariable(RegenerateVariable) == "1";

    public static TheoryData<string> CaseNames => new(GoldenFile.ReadInstalled().Select(c => c.Name));

    [Theory(SkipWhen = nameof(Regenerating), Skip = "the golden file is being rewritten")]
    [MemberData(nameof(CaseNames))]
    public void CaseMatchesTheCheckedInVector(string name)
    {
        var expected = GoldenFile.ReadInstalled().Single(c => c.Name == name);
        var actual = expected.Recompute();
        Assert.Equal(expected.Rotations, actual.Rotations);
        Assert.Equal(expected.NonZeros, actual.NonZeros);
        Assert.Equal(expected.ValuesSha256, actual.ValuesSha256);
        Assert.Equal(expected.MaskSha256, actual.MaskSha256);
    }

    [Fact]
    public void FileCoversTheRequiredKinds()
    {
        var cases = GoldenFile.ReadInstalled();
        Assert.True(cases.Count >= 12);
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
        Assert.Contains(cases, c => c.Shape is [var r, var k] && r == k && c.Density < 1.0);
        Assert.Contains(cases, c => c.Shape is [1, > 1]);
        Assert.Contains(cases, c => c.Shape is [> 1, 1]);
        Assert.Contains(cases, c => c.Shape is [1, 1]);
        Assert.Contains(cases, c => c.Shape is [100, 784]);
        Assert.Contains(cases, c => c.Shape is [784, 100]);
        Assert.Contains(cases, c => c.Shape.Length == 2 && c.Density == 1.0 && c.NonZeros == (long)c.Shape[0] * c.Shape[1]);
        Assert.Contains(cases, c => c.Shape.Length == 2 && c.Density == SparseOrthogonal.MinimumDensity(c.Shape[0], c.Shape[1]) && c.Rotations == 0);
        Assert.Contains(cases, c => c.Rule == nameof(StoppingRule.ExactCount));
        Assert.Contains(cases, c => c.Rule == nameof(CentreDensityRule.Plain) && c.Shape.Length == 4);
        Assert.Contains(cases, c => c.Rule == nameof(CentreDensityRule.MoreNonZeros) && c.Shape.Length == 4);
        Assert.All(cases, c => Assert.Matches("^[0-9a-f]{64}$", c.ValuesSha256));
    }

    [Fact(SkipUnless = nameof(Regenerating), Skip = "set " + RegenerateVariable + "=1 to rewrite the golden file")]
    public void RegenerateGoldenFile()
    {
        string path = GoldenFile.WriteToSource(GoldenFile.Regenerated());
        TestContext.Current.SendDiagnosticMessage($"wrote {path}");
    }
}
