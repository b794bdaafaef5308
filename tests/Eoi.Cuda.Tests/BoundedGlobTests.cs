using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

public class BoundedGlobTests
{
    [Fact]
    public void ToolkitsComeNewestFirstAndOnlyWithTheRestOfThePath()
    {
        using var temp = new TempDirectory();
        foreach (string version in new[] { "11.8", "12.10", "12.4" }) temp.Folder($"cuda-{version}/lib64");
        temp.Folder("cuda-13.0"); // no lib64: not a match

        Assert.Equal(
            [$"{temp.Path}/cuda-12.10/lib64", $"{temp.Path}/cuda-12.4/lib64", $"{temp.Path}/cuda-11.8/lib64"],
            BoundedGlob.Expand($"{temp.Path}/cuda-*/lib64"));
    }

    [Fact]
    public void PythonVersionsCompareAsNumbers()
    {
        using var temp = new TempDirectory();
        temp.Folder("lib/python3.9/site-packages");
        temp.Folder("lib/python3.12/site-packages");

        Assert.Equal(
            [$"{temp.Path}/lib/python3.12/site-packages", $"{temp.Path}/lib/python3.9/site-packages"],
            BoundedGlob.Expand($"{temp.Path}/lib/python3*/site-packages"));
    }

    [Fact]
    public void AMissingParentHasNoMatches()
    {
        Assert.Empty(BoundedGlob.Expand("/no/such/place/python3*/site-packages"));
        Assert.Empty(BoundedGlob.Expand("/no/such/place"));
    }

    [Fact]
    public void TheActiveVirtualEnvironmentComesBeforeTheUsersSitePackages()
    {
        using var temp = new TempDirectory();
        string venv = temp.Folder("venv/lib/python3.11/site-packages");
        string user = temp.Folder("home/.local/lib/python3.11/site-packages");

        var found = LibrarySearchOptions.SitePackagesDirectories(Path.Combine(temp.Path, "venv"), Path.Combine(temp.Path, "home"));

        Assert.Equal([venv, user], found.Take(2));
    }
}
