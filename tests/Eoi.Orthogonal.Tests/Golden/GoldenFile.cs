using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eoi.Orthogonal.Tests.Golden;

/// <summary>golden-vectors.json: the inputs it pins and how it is read and written.</summary>
public static class GoldenFile
{
    public const string FileName = "golden-vectors.json";

    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Every pinned case (name, seed, shape, density, rule, gain) with its outputs computed now.</summary>
    public static IReadOnlyList<GoldenCase> Regenerated() =>
    [
        GoldenCase.Compute("square-64-d0.1", 1, [64, 64], 0.1, "Paper", 1.0),
        GoldenCase.Compute("square-100-d0.5", 2, [100, 100], 0.5, "Paper", 1.0),
        GoldenCase.Compute("square-128-d0.125-gain", 3, [128, 128], 0.125, "Paper", 1.0247),
        GoldenCase.Compute("wide-100x784-d0.1", 4, [100, 784], 0.1, "Paper", 1.0),
        GoldenCase.Compute("tall-784x100-d0.1", 5, [784, 100], 0.1, "Paper", 1.0),
        GoldenCase.Compute("row-1x16-d0.5", 6, [1, 16], 0.5, "Paper", 1.0),
        GoldenCase.Compute("column-16x1-d0.5", 7, [16, 1], 0.5, "Paper", 1.0),
        GoldenCase.Compute("scalar-1x1", 8, [1, 1], 1.0, "Paper", 2.0),
        GoldenCase.Compute("dense-32x32-d1", 9, [32, 32], 1.0, "Paper", 1.0),
        GoldenCase.Compute("minimum-10x40", 10, [10, 40], 0.025, "Paper", 1.0),
        GoldenCase.Compute("minimum-40x10", 10, [40, 10], 0.025, "Paper", 1.0),
        GoldenCase.Compute("high-seed-48x48-d0.2", 0xDEADBEEFCAFEF00D, [48, 48], 0.2, "Paper", 1.0),
        GoldenCase.Compute("exact-64x64-d0.3", 11, [64, 64], 0.3, "ExactCount", 1.0),
        GoldenCase.Compute("exact-100x784-d0.1", 12, [100, 784], 0.1, "ExactCount", 1.0),
        GoldenCase.Compute("exact-50x20-d0.4", 13, [50, 20], 0.4, "ExactCount", 1.0),
        GoldenCase.Compute("conv-16x3x3x3-d0.1-plain", 14, [16, 3, 3, 3], 0.1, "Plain", 1.0),
        GoldenCase.Compute("conv-16x3x3x3-d0.1-more", 14, [16, 3, 3, 3], 0.1, "MoreNonZeros", 1.0),
        GoldenCase.Compute("conv-32x16x3x3-d0.1-plain", 15, [32, 16, 3, 3], 0.1, "Plain", 1.0247),
        GoldenCase.Compute("conv-32x16x3x3-d0.1-more", 15, [32, 16, 3, 3], 0.1, "MoreNonZeros", 1.0247),
        GoldenCase.Compute("conv-8x24x5x5-d0.02-more", 16, [8, 24, 5, 5], 0.02, "MoreNonZeros", 1.0),
        GoldenCase.Compute("conv-12x12x1x1-d1", 17, [12, 12, 1, 1], 1.0, "Plain", 1.0),
    ];

    /// <summary>The checked-in file, copied next to the test assembly by the build.</summary>
    public static IReadOnlyList<GoldenCase> ReadInstalled()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Golden", FileName);
        return JsonSerializer.Deserialize<GoldenFileContent>(File.ReadAllText(path), Options)!.Cases;
    }

    /// <summary>Writes the file into the source tree (not the build output), found from this source file's path.</summary>
    public static string WriteToSource(IReadOnlyList<GoldenCase> cases, [CallerFilePath] string thisFile = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(thisFile)!, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(new GoldenFileContent(Format, cases), Options) + "\n");
        return path;
    }

    const string Format = "eoi-golden-vectors/1: see README.md in this folder";

    sealed record GoldenFileContent(string Format, IReadOnlyList<GoldenCase> Cases);
}
