using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

public class ProbeOnGpuTests
{
    [Fact]
    public void AnAvailableReportDescribesEveryDeviceAndLibrary()
    {
        var report = Gpu.Require();

        Assert.NotEmpty(report.Devices);
        Assert.All(report.Devices, device =>
        {
            Assert.False(string.IsNullOrWhiteSpace(device.Name));
            Assert.True(device.TotalMemoryBytes > 0);
            Assert.True(device.ComputeCapability.Major >= 3);
        });
        Assert.True(report.DriverVersion.Major >= 11);
        Assert.True(report.CublasVersion.Major >= 11 && report.CusparseVersion.Major >= 11 && report.NvrtcVersion.Major >= 11);
        Assert.All(report.Libraries, library => Assert.True(library.IsLoaded));
        Assert.StartsWith("CUDA available: driver ", report.Summary, StringComparison.Ordinal);

        using var context = CudaContext.RetainPrimary(0);
        Assert.Equal(report.Devices[0], context.Device);
    }
}
