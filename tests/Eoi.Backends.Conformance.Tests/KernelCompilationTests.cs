using System.Text;
using System.Text.RegularExpressions;
using Eoi.Backends.Cuda.Kernels;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>Every kernel file, in every variant the backend compiles (float and double for typed modules), through
/// the real NVRTC for every device generation the backend targets: a kernel that does not compile, or compiles with
/// a warning, fails here rather than on a lent GPU. Needs only libnvrtc, no device; skips with the reason without
/// it (scripts/install-cuda-libs.sh installs it on Debian 12).</summary>
public partial class KernelCompilationTests
{
    /// <summary>Each embedded Kernels/*.cu file with each target device's compute capability (e.g. 90).</summary>
    public static TheoryData<string, int> FilesAndDevices
    {
        get
        {
            var rows = new TheoryData<string, int>();
            foreach (string file in KernelSources.EmbeddedFiles)
                foreach (var device in KernelLibrary.TargetDevices)
                    rows.Add(file, device.Number);
            return rows;
        }
    }

    [Fact]
    public void Every_kernel_file_is_a_module_the_backend_compiles()
    {
        Assert.NotEmpty(KernelSources.EmbeddedFiles);
        Assert.Equal(
            KernelSources.EmbeddedFiles,
            Enum.GetValues<KernelModule>().Select(KernelSources.FileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FilesAndDevices))]
    public void Compiles_without_errors_or_warnings(string file, int device)
    {
        var nvrtc = CudaLibraries.Load(CudaLibrary.Nvrtc);
        Assert.SkipUnless(nvrtc.IsLoaded, $"CUDA unavailable: {nvrtc.FailureReason}");
        var module = Enum.GetValues<KernelModule>().Single(m => KernelSources.FileName(m) == file);
        int architecture = NvrtcCompiler.ArchitectureFor(new ComputeCapability(device / 10, device % 10));
        var supported = NvrtcCompiler.SupportedArchitectures();
        Assert.SkipUnless(supported.Contains(architecture),
            $"NVRTC {NvrtcCompiler.Version()} supports compute_{supported[0]} to compute_{supported[^1]}, not a device of compute capability {device / 10}.{device % 10}");

        string source = KernelSources.Text(module);
        string[] kernels = [.. KernelName().Matches(source).Select(match => match.Groups[1].Value)];
        Assert.NotEmpty(kernels);
        foreach (var type in KernelLibrary.CompiledTypes(module))
        {
            string variant = $"{file} ({type}) for compute_{architecture}";
            try
            {
                var output = NvrtcCompiler.Compile(source, file, architecture, KernelLibrary.CompileOptions(module, type));
                Assert.True(string.IsNullOrWhiteSpace(output.Log), $"{variant} compiles with warnings:\n{output.Log}");
                string ptx = Encoding.ASCII.GetString(output.Ptx);
                Assert.All(kernels, kernel => Assert.True(ptx.Contains($".entry {kernel}(", StringComparison.Ordinal), $"{variant}: no PTX entry for {kernel}"));
            }
            catch (NvrtcCompilationException e)
            {
                Assert.Fail($"{variant} does not compile:\n{e.Log}");
            }
        }
    }

    /// <summary>The kernel's name in "extern "C" __global__ void [__launch_bounds__(256)] name(".</summary>
    [GeneratedRegex("""extern\s+"C"\s+__global__\s+void\s+(?:__launch_bounds__\([^)]*\)\s+)?(\w+)\s*\(""")]
    private static partial Regex KernelName();
}
