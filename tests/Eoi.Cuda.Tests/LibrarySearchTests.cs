using System.Runtime.InteropServices;
using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

/// <summary>The search order and the failure report, against folders the test makes, with no environment
/// variable of the process touched.</summary>
public class LibrarySearchTests
{
    static LibrarySearchOptions Only(params (string Name, string Value)[] variables) => new()
    {
        Variables = variables.ToDictionary(v => v.Name, v => v.Value),
    };

    [Fact]
    public void CandidatesFollowTheDocumentedOrder()
    {
        using var temp = new TempDirectory();
        var options = new LibrarySearchOptions
        {
            Variables = new Dictionary<string, string>
            {
                ["EOI_CUDA_LIBCUBLAS"] = temp.Folder("override"),
                ["EOI_CUDA_LIB_DIR"] = temp.Folder("libdir"),
                ["CUDA_PATH"] = temp.Folder("cudapath"),
                ["CUDA_HOME"] = temp.Folder("cudahome"),
                ["LD_LIBRARY_PATH"] = temp.Folder("ld1") + ":" + temp.Folder("ld2"),
            },
            SystemDirectories = [temp.Folder("system")],
            SitePackages = [temp.Folder("site")],
            UseSystemLoader = true,
        };

        var candidates = LibraryCandidates.For(CudaLibraryInfo.Cublas, options);

        Assert.Equal(
            ["EOI_CUDA_LIBCUBLAS", "EOI_CUDA_LIB_DIR", "CUDA_PATH", "CUDA_HOME", "LD_LIBRARY_PATH", "standard location", "pip wheel", "system loader"],
            candidates.Select(c => c.Source).Distinct());
        Assert.Equal(Path.Combine(temp.Path, "override", "libcublas.so.13"), candidates[0].Path);
        Assert.Equal(Path.Combine(temp.Path, "cudapath", "lib64", "libcublas.so.13"), candidates.First(c => c.Source == "CUDA_PATH").Path);
        Assert.Equal(
            [Path.Combine(temp.Path, "site", "nvidia/cu13/lib"), Path.Combine(temp.Path, "site", "nvidia/cublas/lib")],
            candidates.Where(c => c.Source == "pip wheel").Select(c => Path.GetDirectoryName(c.Path)).Distinct());
        Assert.Equal(["libcublas.so.13", "libcublas.so.12", "libcublas.so.11", "libcublas.so"], candidates.Where(c => c.IsBareName).Select(c => c.Path));
    }

    [Fact]
    public void AnOverrideMayNameTheFileItself()
    {
        var candidates = LibraryCandidates.For(CudaLibraryInfo.Driver, Only(("EOI_CUDA_LIBCUDA", "/opt/driver/libcuda.so.535")));
        Assert.Equal(new LibraryCandidate("/opt/driver/libcuda.so.535", "EOI_CUDA_LIBCUDA"), Assert.Single(candidates));
    }

    [Fact]
    public void RepeatedFoldersAreTriedOnceAndBlankVariablesAreIgnored()
    {
        var options = Only(("EOI_CUDA_LIB_DIR", "/a:/a"), ("LD_LIBRARY_PATH", "/a::/b"), ("CUDA_PATH", "  "));
        var folders = LibraryCandidates.For(CudaLibraryInfo.Nvrtc, options).Select(c => Path.GetDirectoryName(c.Path)).Distinct();
        Assert.Equal(["/a", "/b"], folders);
    }

    [Fact]
    public void TheDriverIsNeverLookedForInPipWheels()
    {
        var options = new LibrarySearchOptions { SitePackages = ["/site"] };
        Assert.Empty(LibraryCandidates.For(CudaLibraryInfo.Driver, options));
    }

    [Fact]
    public void AMissingLibraryIsAValueListingEveryPlaceTried()
    {
        using var temp = new TempDirectory();
        var options = new LibrarySearchOptions
        {
            Variables = new Dictionary<string, string> { ["EOI_CUDA_LIB_DIR"] = temp.Folder("empty") },
            SystemDirectories = [temp.Folder("also-empty")],
        };

        var result = NativeLibraryProbe.Load(CudaLibraryInfo.Cusparse, options);

        Assert.False(result.IsLoaded);
        Assert.Equal(0, result.Handle);
        Assert.Null(result.LoadedPath);
        Assert.Equal(8, result.Attempts.Count); // four file names in each of two folders
        Assert.All(result.Attempts, a => Assert.Equal(LoadOutcome.NotFound, a.Outcome));
        Assert.Equal(
            $"cuSPARSE (libcusparse.so.13, libcusparse.so.12, libcusparse.so.11, libcusparse.so) not found; searched: {temp.Path}/empty, {temp.Path}/also-empty",
            result.FailureReason);
        string described = result.Describe();
        Assert.All(result.Attempts, a => Assert.Contains($"{a.Candidate.Path} [{a.Candidate.Source}]: not found", described, StringComparison.Ordinal));
    }

    [Fact]
    public void AFileTheLoaderRefusesIsReportedWithTheLoadersReason()
    {
        using var temp = new TempDirectory();
        string fake = temp.WriteText("lib/libnvrtc.so.13", "not an ELF file");

        var result = NativeLibraryProbe.Load(CudaLibraryInfo.Nvrtc, Only(("EOI_CUDA_LIB_DIR", Path.GetDirectoryName(fake)!)));

        var broken = Assert.Single(result.Attempts, a => a.Outcome == LoadOutcome.LoadFailed);
        Assert.Equal(fake, broken.Candidate.Path);
        Assert.False(string.IsNullOrWhiteSpace(broken.Detail));
        Assert.DoesNotContain("strace", broken.Detail, StringComparison.Ordinal); // the runtime's advice is trimmed off
        Assert.DoesNotContain(fake, broken.Detail, StringComparison.Ordinal);     // and so is dlerror()'s repeat of the path
        Assert.StartsWith($"NVRTC (libnvrtc.so.13, libnvrtc.so.12, libnvrtc.so.11.2, libnvrtc.so) found but not loadable: {fake}: ", result.FailureReason, StringComparison.Ordinal);
        Assert.False(result.IsLoaded);
    }

    [Fact]
    public void TheFirstLoadableCandidateWins()
    {
        // Any real shared library proves the success path; the runtime's own one is there on every Linux machine.
        string real = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libSystem.Native.so");
        Assert.SkipUnless(File.Exists(real), $"{real} is not here (not a Linux runtime)");
        using var temp = new TempDirectory();

        var result = NativeLibraryProbe.Load(CudaLibraryInfo.Nvrtc,
            Only(("EOI_CUDA_LIBNVRTC", real), ("EOI_CUDA_LIB_DIR", temp.Path)));

        Assert.True(result.IsLoaded);
        Assert.Equal(real, result.LoadedPath);
        Assert.Equal(LoadOutcome.Loaded, Assert.Single(result.Attempts).Outcome);
        Assert.Null(result.FailureReason);
    }

    [Fact]
    public void TheSystemLoadersMissIsNotFoundWithItsMessage()
    {
        var info = CudaLibraryInfo.Nvrtc with { FileNames = ["libeoi-does-not-exist.so.1"] };
        var result = NativeLibraryProbe.Load(info, new LibrarySearchOptions { UseSystemLoader = true });

        var attempt = Assert.Single(result.Attempts);
        Assert.Equal(LoadOutcome.NotFound, attempt.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(attempt.Detail)); // the loader's own words, e.g. "cannot open shared object file"
        Assert.EndsWith("searched: the system loader", result.FailureReason, StringComparison.Ordinal);
    }
}
