using Eoi.Backends.Cpu;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>The reference backend against the references: always runs.</summary>
public sealed class CpuConformance : BackendConformance
{
    readonly CpuBackend backend = new();

    protected override IBackend Backend => backend;
}
