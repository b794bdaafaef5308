using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

/// <summary>GPU tests skip, with the probe's one-line reason, where CUDA is not usable.</summary>
static class Gpu
{
    static readonly Lazy<CudaProbeResult> Probe = new(CudaProbe.Detect);

    public static CudaAvailable Require()
    {
        var probe = Probe.Value;
        Assert.SkipUnless(probe.IsAvailable, probe.Summary);
        return (CudaAvailable)probe;
    }

    public static CudaContext Context()
    {
        Require();
        return CudaContext.RetainPrimary(0);
    }

    /// <summary>Compiling needs only NVRTC, not a device.</summary>
    public static void RequireNvrtc()
    {
        var nvrtc = CudaLibraries.Load(CudaLibrary.Nvrtc);
        Assert.SkipUnless(nvrtc.IsLoaded, $"CUDA unavailable: {nvrtc.FailureReason}");
    }
}
