using Eoi.Backends.Cpu;
using Eoi.Core.Backend;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>The reference backend against the references: always runs.</summary>
public sealed class CpuConformance : BackendConformance
{
    readonly CpuBackend backend = new();

    protected override IBackend Backend => backend;
}
