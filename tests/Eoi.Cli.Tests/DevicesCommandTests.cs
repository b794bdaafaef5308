using Eoi.Cuda.Native;

namespace Eoi.Cli.Tests;

/// <summary><c>eoi devices</c> succeeds with or without a GPU; without one it says why in one line, then lists
/// the libraries that did load with their versions.</summary>
public class DevicesCommandTests
{
    static readonly CudaProbeResult Probe = CudaProbe.Detect();

    [Fact]
    public void Without_CUDA_it_prints_one_line_saying_why_and_succeeds()
    {
        Assert.SkipWhen(Probe.IsAvailable, "CUDA is available here; the next test covers this machine");
        var result = Tool.Succeed("devices");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("CUDA unavailable: ", lines[0]);
        Assert.Equal(Probe.Summary, lines[0]);
        Assert.Equal(Probe.LoadedLibraries.Select(library => $"  {library}"), lines[1..]);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void With_the_driver_but_no_device_it_says_so_in_one_line_and_succeeds()
    {
        Assert.SkipUnless(Probe.Summary == CudaProbe.NoDeviceReason, $"needs the CUDA driver library and no device; here: {Probe.Summary}");
        var result = Tool.Succeed("devices");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("CUDA unavailable: no CUDA device (cuInit = CUDA_ERROR_NO_DEVICE)", lines[0]);
        Assert.Single(lines, line => line.Contains("CUDA_ERROR_NO_DEVICE", StringComparison.Ordinal));
        Assert.Matches(@"^  CUDA driver \d+\.\d+: .*libcuda\.so\.1$", lines[1]);
    }

    [Fact]
    public void With_CUDA_it_lists_the_devices_library_versions_and_the_backend()
    {
        Assert.SkipUnless(Probe.IsAvailable, Probe.Summary);
        var result = Tool.Succeed("devices");

        var found = (CudaAvailable)Probe;
        Assert.Contains(found.Devices[0].Name, result.Stdout);
        foreach (string library in new[] { "cuBLAS", "cuSPARSE", "NVRTC" }) Assert.Contains(library, result.Stdout);
        Assert.Contains("ready on device 0", result.Stdout);
    }

    [Fact]
    public void Verbose_lists_every_path_tried()
    {
        var result = Tool.Succeed("devices", "--verbose");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (string tried in Probe.DescribeSearch().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains(tried.TrimEnd('\r'), lines);
        Assert.Contains(lines, line => line.Contains("libcuda.so.1"));
    }

    [Fact]
    public void Help_explains_the_command_with_examples()
    {
        var result = Tool.Succeed("devices", "--help");

        Assert.Contains("eoi devices", result.Stdout);
        Assert.Contains("Examples:", result.Stdout);
    }
}
