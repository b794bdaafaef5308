using Eoi.Backends;
using Eoi.Backends.Cpu;
using Eoi.Backends.Cuda;

namespace Eoi.Benchmarks.Cuda;

/// <summary>The backend being timed and how to wait for it.</summary>
sealed class BenchmarkDevice(IBackend backend, string description, Action synchronize) : IDisposable
{
    public IBackend Backend { get; } = backend;
    public string Description { get; } = description;
    public Action Synchronize { get; } = synchronize;

    /// <summary>"cuda" or "cpu"; null with the reason when CUDA is not usable here.</summary>
    public static BenchmarkDevice? Open(string kind, out string reason)
    {
        if (kind == "cpu")
        {
            reason = $"cpu backend, {Environment.ProcessorCount} cores";
            return new BenchmarkDevice(new CpuBackend(), reason, () => { });
        }
        if (!CudaBackend.TryCreate(out var cuda, out reason)) return null;
        return new BenchmarkDevice(cuda, reason, cuda.Synchronize);
    }

    public void Dispose() => (Backend as IDisposable)?.Dispose();
}
