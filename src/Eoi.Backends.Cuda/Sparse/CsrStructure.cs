using Eoi.Core;

namespace Eoi.Backends.Cuda.Sparse;

/// <summary>
/// The checks a CSR structure must pass before cuSPARSE indexes with it: on the device an offset or column out
/// of range would read or write outside the operands rather than fail. The same rules as the CPU backend's
/// CsrArguments, plus two that cuSPARSE's zero-based CSR relies on: the first offset is 0 and the last is the
/// number of stored entries, and columns increase strictly within a row (the pattern's documented order).
/// </summary>
static class CsrStructure
{
    public static void Validate(int rows, int cols, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices)
    {
        if (rowOffsets[0] != 0)
            throw new EoiArgumentException(nameof(rowOffsets), $"rowOffsets[0] must be 0; got {rowOffsets[0]}");
        for (int r = 0; r < rows; r++)
        {
            int start = rowOffsets[r], end = rowOffsets[r + 1];
            if (end < start || end > columnIndices.Length)
                throw new EoiArgumentException(nameof(rowOffsets),
                    $"rowOffsets must be non-decreasing and at most {columnIndices.Length} (the stored entries); rowOffsets[{r}] = {start}, rowOffsets[{r + 1}] = {end}");
            for (int p = start; p < end; p++)
            {
                int col = columnIndices[p];
                if ((uint)col >= (uint)cols)
                    throw new EoiArgumentException(nameof(columnIndices), $"columnIndices must be in [0, {cols - 1}] (cols = {cols}); got {col} at position {p}");
                if (p > start && col <= columnIndices[p - 1])
                    throw new EoiArgumentException(nameof(columnIndices),
                        $"columnIndices must increase within a row; row {r} has {columnIndices[p - 1]} then {col} at position {p}");
            }
        }
        if (rowOffsets[rows] != columnIndices.Length)
            throw new EoiArgumentException(nameof(rowOffsets),
                $"rowOffsets[{rows}] must equal the number of stored entries ({columnIndices.Length}); got {rowOffsets[rows]}");
    }
}
