using Eoi.Backends.Cuda;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>One CUDA backend for the whole class: opening a context and compiling kernels is slow.</summary>
public sealed class CudaBackendFixture : IDisposable
{
    public CudaBackendFixture()
    {
        CudaBackend.TryCreate(out var backend, out string reason);
        Backend = backend;
        Reason = reason;
    }

    public CudaBackend? Backend { get; }

    /// <summary>The probe's one line: why CUDA is unavailable, or what it found.</summary>
    public string Reason { get; }

    public void Dispose() => Backend?.Dispose();
}

/// <summary>The GPU backend against the same references; every test skips with the probe's reason where
/// there is no usable CUDA.</summary>
public sealed class CudaConformance(CudaBackendFixture fixture) : BackendConformance, IClassFixture<CudaBackendFixture>
{
    protected override IBackend Backend
    {
        get
        {
            Assert.SkipWhen(fixture.Backend is null, fixture.Reason);
            return fixture.Backend!;
        }
    }
}
