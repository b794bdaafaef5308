using Eoi.Backends.Cuda.Kernels;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>What can be checked of the CUDA kernels without a GPU: every module's source is embedded, starts
/// with the shared prelude and declares C-linkage kernels (NVRTC looks them up by unmangled name).</summary>
public class KernelSourceTests
{
    [Fact]
    public void Every_module_is_embedded_after_the_prelude()
    {
        foreach (var module in Enum.GetValues<KernelModule>())
        {
            string text = KernelSources.Text(module);
            int prelude = text.IndexOf("#define EOI_FOR_EACH", StringComparison.Ordinal);
            int firstKernel = text.IndexOf("extern \"C\" __global__ void ", StringComparison.Ordinal);
            Assert.True(prelude >= 0 && firstKernel > prelude, $"{module}: the prelude must come first, then extern \"C\" kernels");
        }
    }
}
