using Eoi.Core;

namespace Eoi.Backends.Cuda.Memory;

/// <summary>
/// Reads the bad-index report kernels leave in device memory (eoi_report_bad_index in prelude.cuh). A kernel
/// cannot throw, so an out-of-range gather index or class label is reported at the next synchronisation
/// (<see cref="CudaBackend.Synchronize"/>, which every Download does) with the message the CPU backend would
/// have thrown at the call.
/// </summary>
static class IndexErrors
{
    /// <summary>Ints in the report: what, the bad value, its position, the exclusive bound.</summary>
    public const int ReportLength = 4;

    public const int GatherIndex = 1;
    public const int ClassTarget = 2;
    public const int PoolIndex = 3;
    public const int PatchRow = 4;

    /// <summary>The exception for a raised report, null when nothing was reported.</summary>
    public static EoiArgumentException? Describe(ReadOnlySpan<int> report)
    {
        int value = report[1], position = report[2], bound = report[3];
        return report[0] switch
        {
            0 => null,
            GatherIndex => new EoiArgumentException("indices",
                $"indices must lie in [0, {bound - 1}]; got {value} at position {position} (found by the gather kernel)"),
            ClassTarget => new EoiArgumentException("targets",
                $"targets[{position}] must be a class in [0, {bound - 1}]; got {value} (found by the loss kernel)"),
            PoolIndex => new EoiArgumentException("argMax",
                $"argMax must lie in [0, {bound - 1}] (a position in its plane); got {value} at position {position} (found by the max-pool kernel)"),
            PatchRow => new EoiArgumentException("patchRows",
                $"patchRows must increase strictly within [0, {bound - 1}]; got {value} at index {position} (found by the sparse convolution kernel)"),
            _ => throw new InvalidOperationException($"a kernel reported bad-index kind {report[0]}, which prelude.cuh does not define"),
        };
    }
}
