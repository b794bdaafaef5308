using Eoi.Core;
using static Eoi.Backends.Cpu.CpuOperands;

namespace Eoi.Backends.Cpu;

// Convolution with a CSR kernel over the im2col rows it uses (SparseConvolutionLoops).
public sealed partial class CpuBackend
{
    public void SparseConv2d(ConvGeometry geometry, int batch, DeviceCsrPattern weight, DeviceBuffer weightValues, DeviceBuffer patchRows, DeviceBuffer x, DeviceBuffer y)
    {
        var csr = SparseConvOperands(geometry, batch, weight, patchRows, transposed: false, out var rows);
        int xLength = Product(batch, geometry.ImageLength), yLength = Product(batch, Product(weight.Rows, geometry.OutputPixels));
        if (IsSingle(weightValues, x, y))
            SparseConvolutionLoops.Forward(geometry, batch, csr, weight.Rows, View<float>(weightValues, weight.NonZeros, nameof(weightValues)), rows,
                View<float>(x, xLength, nameof(x)), View<float>(y, yLength, nameof(y)), maxDegreeOfParallelism);
        else
            SparseConvolutionLoops.Forward(geometry, batch, csr, weight.Rows, View<double>(weightValues, weight.NonZeros, nameof(weightValues)), rows,
                View<double>(x, xLength, nameof(x)), View<double>(y, yLength, nameof(y)), maxDegreeOfParallelism);
    }

    public void SparseConv2dBackwardInput(ConvGeometry geometry, int batch, DeviceCsrPattern transposedWeight, DeviceBuffer transposedValues,
        DeviceBuffer patchRows, DeviceBuffer dy, DeviceBuffer dx)
    {
        var csr = SparseConvOperands(geometry, batch, transposedWeight, patchRows, transposed: true, out var rows);
        int outChannels = transposedWeight.Cols;
        int dxLength = Product(batch, geometry.ImageLength), dyLength = Product(batch, Product(outChannels, geometry.OutputPixels));
        if (IsSingle(transposedValues, dy, dx))
            SparseConvolutionLoops.BackwardInput(geometry, batch, csr, outChannels, View<float>(transposedValues, transposedWeight.NonZeros, nameof(transposedValues)),
                rows, View<float>(dy, dyLength, nameof(dy)), View<float>(dx, dxLength, nameof(dx)), maxDegreeOfParallelism);
        else
            SparseConvolutionLoops.BackwardInput(geometry, batch, csr, outChannels, View<double>(transposedValues, transposedWeight.NonZeros, nameof(transposedValues)),
                rows, View<double>(dy, dyLength, nameof(dy)), View<double>(dx, dxLength, nameof(dx)), maxDegreeOfParallelism);
    }

    public void SparseConv2dBackwardWeight(ConvGeometry geometry, int batch, DeviceCsrPattern weight, DeviceBuffer patchRows,
        DeviceBuffer x, DeviceBuffer dy, DeviceBuffer dWeightValues)
    {
        var csr = SparseConvOperands(geometry, batch, weight, patchRows, transposed: false, out var rows);
        int xLength = Product(batch, geometry.ImageLength), dyLength = Product(batch, Product(weight.Rows, geometry.OutputPixels));
        if (IsSingle(x, dy, dWeightValues))
            SparseConvolutionLoops.BackwardWeight(geometry, batch, csr, weight.Rows, rows, View<float>(x, xLength, nameof(x)),
                View<float>(dy, dyLength, nameof(dy)), View<float>(dWeightValues, weight.NonZeros, nameof(dWeightValues)), maxDegreeOfParallelism);
        else
            SparseConvolutionLoops.BackwardWeight(geometry, batch, csr, weight.Rows, rows, View<double>(x, xLength, nameof(x)),
                View<double>(dy, dyLength, nameof(dy)), View<double>(dWeightValues, weight.NonZeros, nameof(dWeightValues)), maxDegreeOfParallelism);
    }

    /// <summary>Checks the geometry, the batch, the patch rows (strictly increasing within the patch) and the
    /// CSR structure (its patch-row side, columns of W or rows of W^T, as long as patchRows).</summary>
    static CsrSpans SparseConvOperands(ConvGeometry geometry, int batch, DeviceCsrPattern weight, DeviceBuffer patchRows, bool transposed, out ReadOnlySpan<int> rows)
    {
        geometry.Validate();
        Guard.InRange(batch, 0, int.MaxValue, nameof(batch));
        BufferGuard.Type(patchRows, ElementType.Int32, nameof(patchRows));
        rows = View<int>(patchRows, patchRows.Length, nameof(patchRows));
        for (int q = 0, previous = -1; q < rows.Length; previous = rows[q], q++)
            if (rows[q] <= previous || rows[q] >= geometry.PatchLength)
                throw new EoiArgumentException(nameof(patchRows),
                    $"patchRows must increase strictly within [0, {geometry.PatchLength - 1}]; got {rows[q]} at index {q} after {previous}");
        int patchSide = transposed ? weight.Rows : weight.Cols;
        if (patchSide != rows.Length)
            throw new EoiArgumentException(nameof(weight),
                $"the weight's {(transposed ? "rows" : "columns")} must match patchRows ({rows.Length}); got {patchSide}");
        var csr = Structure(weight);
        Kernels.CsrArguments.Validate(weight.Rows, weight.Cols, csr.RowOffsets, csr.ColumnIndices, weight.NonZeros, nameof(weight), nameof(weight.Rows), nameof(weight.Cols));
        return csr;
    }
}
