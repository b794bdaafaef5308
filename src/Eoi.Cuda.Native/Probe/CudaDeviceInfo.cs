using System.Globalization;

namespace Eoi.Cuda.Native;

/// <summary>A device's compute capability, e.g. 9.0 for an H100; <see cref="Number"/> is the 90 in sm_90.</summary>
public readonly record struct ComputeCapability(int Major, int Minor)
{
    public int Number => Major * 10 + Minor;

    public override string ToString() => $"{Major}.{Minor}";
}

/// <summary>What `eoi devices` shows for one device.</summary>
public sealed record CudaDeviceInfo(int Ordinal, string Name, long TotalMemoryBytes, ComputeCapability ComputeCapability)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Ordinal}: {Name} (compute capability {ComputeCapability}, {TotalMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB)");
}

/// <summary>A library or driver version. The driver reports one int (12040 is 12.4) and has no patch level.</summary>
public readonly record struct LibraryVersion(int Major, int Minor, int Patch = 0)
{
    public static LibraryVersion FromDriverVersion(int version) => new(version / 1000, version % 1000 / 10);

    public override string ToString() => Patch == 0 ? $"{Major}.{Minor}" : $"{Major}.{Minor}.{Patch}";
}
