using Eoi.Backends.Cuda;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>The factory's contract on every machine: with CUDA a working backend, without it the probe's
/// one-line reason and no exception.</summary>
public class CudaBackendCreationTests
{
    [Fact]
    public void TryCreate_gives_a_backend_or_the_probes_reason()
    {
        var probe = CudaProbe.Detect();
        bool created = CudaBackend.TryCreate(out var backend, out string reason);
        using (backend)
        {
            Assert.Equal(probe.IsAvailable, created);
            Assert.Equal(probe.Summary, reason);
            if (created)
                Assert.Equal("cuda", backend!.Name);
            else
            {
                Assert.Null(backend);
                Assert.StartsWith("CUDA unavailable: ", reason);
                Assert.DoesNotContain('\n', reason);
            }
        }
    }

    [Fact]
    public void With_the_driver_but_no_device_TryCreate_gives_the_no_device_reason()
    {
        var probe = CudaProbe.Detect();
        Assert.SkipUnless(probe.Summary == CudaProbe.NoDeviceReason, $"needs the CUDA driver library and no device; here: {probe.Summary}");

        Assert.False(CudaBackend.TryCreate(out var backend, out string reason));
        Assert.Null(backend);
        Assert.Equal("CUDA unavailable: no CUDA device (cuInit = CUDA_ERROR_NO_DEVICE)", reason);
    }

    [Fact]
    public void TryCreate_names_the_valid_ordinals_for_a_device_that_is_not_there()
    {
        bool created = CudaBackend.TryCreate(out var backend, out string reason, deviceOrdinal: 1000);
        Assert.False(created);
        Assert.Null(backend);
        Assert.StartsWith("CUDA unavailable: ", reason);
        if (CudaProbe.Detect().IsAvailable) Assert.Contains("got 1000", reason);
    }
}
