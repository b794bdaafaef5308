using Eoi.Backends.Cuda.Kernels;
using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda;

// Convolution with a CSR kernel over the im2col rows it uses, as the sparse linear layer does it: one image at
// a time, the used rows of its columns built by sparseconvolution.cu, then cuSPARSE's SpMM (forward, input
// gradient through W^T) or SDDMM (weight gradient, summed over the images in order by Axpy).
public sealed partial class CudaBackend
{
    public void SparseConv2d(ConvGeometry geometry, int batch, DeviceCsrPattern weight, DeviceBuffer weightValues, DeviceBuffer patchRows, DeviceBuffer x, DeviceBuffer y)
    {
        var type = Floating(weightValues, x, y);
        int used = PatchRowsOf(geometry, batch, weight.Cols, patchRows, "columns");
        int outputLength = Product(weight.Rows, geometry.OutputPixels);
        Operand(x, Product(batch, geometry.ImageLength), nameof(x));
        Operand(y, Product(batch, outputLength), nameof(y));
        using var rowOf = PatchRowMap(geometry, patchRows, type);
        using var columns = Allocate(type, Product(used, geometry.OutputPixels));
        for (int n = 0; n < batch; n++)
        {
            Im2ColRows(geometry, patchRows, type, x.Slice(n * geometry.ImageLength, geometry.ImageLength), columns);
            Spmm(weight, weightValues, geometry.OutputPixels, columns, y.Slice(n * outputLength, outputLength));
        }
    }

    public void SparseConv2dBackwardInput(ConvGeometry geometry, int batch, DeviceCsrPattern transposedWeight, DeviceBuffer transposedValues,
        DeviceBuffer patchRows, DeviceBuffer dy, DeviceBuffer dx)
    {
        var type = Floating(transposedValues, dy, dx);
        int used = PatchRowsOf(geometry, batch, transposedWeight.Rows, patchRows, "rows");
        int gradientLength = Product(transposedWeight.Cols, geometry.OutputPixels);
        Operand(dy, Product(batch, gradientLength), nameof(dy));
        Operand(dx, Product(batch, geometry.ImageLength), nameof(dx));
        using var rowOf = PatchRowMap(geometry, patchRows, type);
        using var columns = Allocate(type, Product(used, geometry.OutputPixels));
        for (int n = 0; n < batch; n++)
        {
            Spmm(transposedWeight, transposedValues, geometry.OutputPixels, dy.Slice(n * gradientLength, gradientLength), columns);
            var arguments = Convolution(geometry).Add(Pointer(rowOf, geometry.PatchLength, nameof(patchRows)))
                .Add(Pointer(columns, columns.Length, nameof(columns)))
                .Add(Pointer(dx.Slice(n * geometry.ImageLength, geometry.ImageLength), geometry.ImageLength, nameof(dx)));
            kernels.ForEach(KernelModule.SparseConvolution, "col2im_rows", type, geometry.ImageLength, arguments);
        }
    }

    public void SparseConv2dBackwardWeight(ConvGeometry geometry, int batch, DeviceCsrPattern weight, DeviceBuffer patchRows,
        DeviceBuffer x, DeviceBuffer dy, DeviceBuffer dWeightValues)
    {
        var type = Floating(x, dy, dWeightValues);
        int used = PatchRowsOf(geometry, batch, weight.Cols, patchRows, "columns");
        int gradientLength = Product(weight.Rows, geometry.OutputPixels);
        Operand(x, Product(batch, geometry.ImageLength), nameof(x));
        Operand(dy, Product(batch, gradientLength), nameof(dy));
        FillWords(Operand(dWeightValues, weight.NonZeros, nameof(dWeightValues)), 0);
        using var rowOf = PatchRowMap(geometry, patchRows, type);
        using var columns = Allocate(type, Product(used, geometry.OutputPixels));
        using var single = Allocate(type, weight.NonZeros);
        for (int n = 0; n < batch; n++)
        {
            Im2ColRows(geometry, patchRows, type, x.Slice(n * geometry.ImageLength, geometry.ImageLength), columns);
            Sddmm(weight, geometry.OutputPixels, dy.Slice(n * gradientLength, gradientLength), columns, single);
            Axpy(1, single, dWeightValues);
        }
    }

    /// <summary>Checks the geometry and batch and that the kernel's patch-row side matches patchRows; returns
    /// how many rows are used.</summary>
    static int PatchRowsOf(ConvGeometry geometry, int batch, int patchSide, DeviceBuffer patchRows, string side)
    {
        geometry.Validate();
        Guard.InRange(batch, 0, int.MaxValue, nameof(batch));
        BufferGuard.Type(patchRows, ElementType.Int32, nameof(patchRows));
        if (patchSide != patchRows.Length)
            throw new EoiArgumentException("weight", $"the weight's {side} must match patchRows ({patchRows.Length}); got {patchSide}");
        return patchRows.Length;
    }

    /// <summary>rowOf [PatchLength]: the compact row of each im2col row, -1 where unused. Building it checks
    /// patchRows on the device; a bad row is reported at the next synchronisation.</summary>
    DeviceBuffer PatchRowMap(ConvGeometry geometry, DeviceBuffer patchRows, ElementType type)
    {
        var rowOf = Allocate(ElementType.Int32, geometry.PatchLength);
        Fill(rowOf, -1);
        int used = patchRows.Length;
        kernels.ForEach(KernelModule.SparseConvolution, "invert_patch_rows", type, used, new KernelArguments().Add(used).Add(geometry.PatchLength)
            .Add(Indices(patchRows, used, nameof(patchRows))).Add(Pointer(rowOf, geometry.PatchLength, nameof(rowOf))).Add(IndexReport()));
        return rowOf;
    }

    void Im2ColRows(ConvGeometry geometry, DeviceBuffer patchRows, ElementType type, DeviceBuffer image, DeviceBuffer columns)
    {
        int used = patchRows.Length;
        var arguments = Convolution(geometry).Add(used).Add(Indices(patchRows, used, nameof(patchRows)))
            .Add(Pointer(image, geometry.ImageLength, nameof(image))).Add(Pointer(columns, columns.Length, nameof(columns)));
        kernels.ForEach(KernelModule.SparseConvolution, "im2col_rows", type, columns.Length, arguments);
    }
}
