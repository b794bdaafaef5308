using Eoi.Core;

namespace Eoi.Nn.Modules;

/// <summary>A dense [rows, cols] weight and its 0/1 mask as CSR: the stored positions are the mask's ones.</summary>
static class MaskedCsr
{
    public static CsrMatrix Build(int rows, int cols, ReadOnlySpan<double> values, ReadOnlySpan<double> mask)
    {
        if (values.Length != rows * cols || mask.Length != rows * cols)
            throw new EoiArgumentException(nameof(values), $"weight and mask must hold {rows * cols} entries for a {rows} x {cols} layer; got {values.Length} and {mask.Length}");
        var offsets = new int[rows + 1];
        var columns = new List<int>();
        var kept = new List<double>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                double m = mask[r * cols + c];
                if (m is not (0.0 or 1.0))
                    throw new EoiArgumentException(nameof(mask), $"mask entries must be 0 or 1; got {m} at ({r}, {c})");
                if (m == 0) continue;
                columns.Add(c);
                kept.Add(values[r * cols + c]);
            }
            offsets[r + 1] = columns.Count;
        }
        return new CsrMatrix(new SparsityPattern(rows, cols, offsets, [.. columns]), [.. kept]);
    }
}
