using Eoi.Core;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>Checks a CSR matrix before the sparse kernels index with its offsets and column indices
/// through raw pointers: O(rows + nnz), small next to the O(nnz * n) kernel work. Sortedness is part of
/// the contract but not needed for memory safety or for the result, so it is not re-checked here.</summary>
internal static class CsrArguments
{
    public static void Validate(int rows, int cols, ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices, int valuesLength,
        string valuesName, string rowsName, string colsName)
    {
        KernelArguments.NonNegative(rows, rowsName);
        KernelArguments.NonNegative(cols, colsName);
        KernelArguments.HasLength(rowOffsets.Length, (long)rows + 1, nameof(rowOffsets), $"{rowsName} + 1");
        int previous = rowOffsets[0];
        if (previous < 0)
            throw new EoiArgumentException(nameof(rowOffsets), $"rowOffsets[0] must be >= 0; got {previous}");
        for (int r = 1; r <= rows; r++)
        {
            int offset = rowOffsets[r];
            if (offset < previous)
                throw new EoiArgumentException(nameof(rowOffsets),
                    $"rowOffsets must be non-decreasing; rowOffsets[{r - 1}] = {previous} > rowOffsets[{r}] = {offset}");
            previous = offset;
        }
        int end = rowOffsets[rows];
        KernelArguments.HasLength(columnIndices.Length, end, nameof(columnIndices), $"rowOffsets[{rowsName}]");
        KernelArguments.HasLength(valuesLength, end, valuesName, $"rowOffsets[{rowsName}]");
        for (int p = rowOffsets[0]; p < end; p++)
        {
            int col = columnIndices[p];
            if ((uint)col >= (uint)cols)
                throw new EoiArgumentException(nameof(columnIndices),
                    $"columnIndices must be in [0, {cols - 1}] ({colsName} = {cols}); got {col} at position {p}");
        }
    }
}
