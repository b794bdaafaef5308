using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

public class ProbeTests
{
    [Fact]
    public void WithNothingToFindTheProbeNamesTheDriverAndWhereItLooked()
    {
        using var temp = new TempDirectory();
        var options = new LibrarySearchOptions
        {
            Variables = new Dictionary<string, string>
            {
                ["EOI_CUDA_LIBCUDA"] = temp.Folder("override"),
                ["EOI_CUDA_LIB_DIR"] = temp.Folder("libdir"),
            },
            SystemDirectories = [temp.Folder("system")],
            SitePackages = [temp.Folder("site")],
        };

        var result = CudaProbe.Detect(options);

        var unavailable = Assert.IsType<CudaUnavailable>(result);
        Assert.False(result.IsAvailable);
        Assert.Equal(
            $"CUDA unavailable: CUDA driver (libcuda.so.1) not found; searched: {temp.Path}/override, {temp.Path}/libdir, {temp.Path}/system",
            unavailable.Reason);
        Assert.Equal(unavailable.Reason, result.Summary);
        Assert.DoesNotContain('\n', result.Summary);
    }

    [Fact]
    public void TheFullSearchListsEveryLibraryAndEveryPathTried()
    {
        using var temp = new TempDirectory();
        var options = new LibrarySearchOptions { SystemDirectories = [temp.Path] };

        var result = CudaProbe.Detect(options);

        Assert.Equal(CudaLibraryInfo.All, result.Libraries.Select(l => l.Library));
        string search = result.DescribeSearch();
        foreach (var info in CudaLibraryInfo.All)
        {
            Assert.Contains($"{info.Title}: not loaded", search, StringComparison.Ordinal);
            foreach (string name in info.FileNames)
                Assert.Contains($"{temp.Path}/{name} [standard location]: not found", search, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DetectingOnThisMachineGivesOneLineAndNeverThrows()
    {
        var result = CudaProbe.Detect();
        Assert.False(string.IsNullOrWhiteSpace(result.Summary));
        Assert.DoesNotContain('\n', result.Summary);
        Assert.Equal(4, result.Libraries.Count);
    }

    [Fact]
    public void WithTheRealDriverButNoDeviceTheProbeSaysSoAndStillReportsVersions()
    {
        var driver = CudaLibraries.Load(CudaLibrary.Driver);
        Assert.SkipUnless(driver.IsLoaded, $"CUDA unavailable: {driver.FailureReason}");
        var init = CudaDriverApi.cuInit(0);
        Assert.SkipUnless(init == CudaResult.CUDA_ERROR_NO_DEVICE, $"cuInit returned {init}: this machine has a device, or another fault");

        var result = CudaProbe.Detect();

        var unavailable = Assert.IsType<CudaUnavailable>(result);
        Assert.Equal(CudaProbe.NoDeviceReason, unavailable.Reason);
        Assert.Contains("CUDA_ERROR_NO_DEVICE", result.Summary, StringComparison.Ordinal);
        // Versions are read without a device: every library that loaded has one, and the driver's is >= 11.0.
        Assert.Equal(result.Libraries.Where(l => l.IsLoaded).Select(l => l.Library.Library), result.Versions.Keys.Order());
        Assert.True(result.Versions[CudaLibrary.Driver].Major >= 11, $"driver version {result.Versions[CudaLibrary.Driver]}");
        Assert.All(result.LoadedLibraries, line => Assert.DoesNotContain("version unknown", line, StringComparison.Ordinal));
    }

    [Fact]
    public void TheResolverAnswersZeroForWhatItCannotLoadAndNeverThrows()
    {
        var assembly = typeof(CudaLibraries).Assembly;
        Assert.Equal(0, CudaLibraries.Resolve("not-a-cuda-library", assembly, null));
        foreach (var info in CudaLibraryInfo.All)
        {
            nint handle = CudaLibraries.Resolve(info.ImportName, assembly, null);
            Assert.Equal(CudaLibraries.Load(info.Library).IsLoaded, handle != 0);
        }
    }

    [Fact]
    public void RequiringAMissingLibraryThrowsWithTheSearch()
    {
        var nvrtc = CudaLibraries.Load(CudaLibrary.Nvrtc);
        Assert.SkipWhen(nvrtc.IsLoaded, $"NVRTC is installed here ({nvrtc.LoadedPath})");
        var e = Assert.Throws<CudaUnavailableException>(() => CudaLibraries.Require(CudaLibrary.Nvrtc));
        Assert.Equal($"CUDA unavailable: {nvrtc.FailureReason}", e.Message);
        Assert.False(e.Library.IsLoaded);
    }
}
