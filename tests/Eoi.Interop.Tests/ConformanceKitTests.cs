using System.Text.Json;
using Eoi.Oracle;

namespace Eoi.Interop.Tests;

/// <summary>The NumPy script replays every case of the conformance kit and matches its files bit for bit.</summary>
public class ConformanceKitTests
{
    [Fact]
    public void NumPyReplaysEveryCaseOfTheKit()
    {
        using var dir = new TempDirectory();
        ConformanceKit.Export(dir.Path);

        var lines = PythonReference.Run("conformance", dir.Path);

        Assert.Equal(ConformanceKit.Cases.Count, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("ok", line));
    }

    [Fact]
    public void TheManifestListsEveryCaseWithItsFilesAndBounds()
    {
        using var dir = new TempDirectory();
        ConformanceKit.Export(dir.Path);

        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.File(ConformanceKit.ManifestFile)));
        var root = manifest.RootElement;
        Assert.Equal(ConformanceKit.Format, root.GetProperty("format").GetString());
        Assert.Equal(ConformanceKit.Version, root.GetProperty("version").GetInt32());
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            foreach (string file in new[] { "plan", "float64", "float32" })
                Assert.True(File.Exists(dir.File(c.GetProperty(file).GetString()!)), file);
            var bounds = c.GetProperty("bounds");
            Assert.True(bounds.GetProperty("float64").GetDouble() < bounds.GetProperty("rounded-once").GetDouble());
            Assert.True(bounds.GetProperty("float64").GetDouble() < bounds.GetProperty("float32").GetDouble());
        }
        Assert.Contains("Testing an implementation", File.ReadAllText(dir.File("README.md")));
    }
}
