using Eoi.Core;

namespace Eoi.Backends.Cuda;

// Dense convolution over a whole batch, one image at a time: its columns built by the im2col kernel, then
// cuBLAS (forward, input gradient through col2im); the kernel gradient summed over the images in order by
// GEMM with beta 1. Each call is already a device-wide launch, so the batch needs no splitting here.
public sealed partial class CudaBackend
{
    public void Conv2d(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer x, DeviceBuffer y)
    {
        int outputLength = DenseConvOperands(geometry, batch, outChannels, weight, x, y);
        using var columns = Allocate(weight.ElementType, geometry.ColumnsLength);
        for (int n = 0; n < batch; n++)
        {
            Im2Col(geometry, x.Slice(n * geometry.ImageLength, geometry.ImageLength), columns);
            Gemm(false, false, outChannels, geometry.OutputPixels, geometry.PatchLength, weight, columns, y.Slice(n * outputLength, outputLength));
        }
    }

    public void Conv2dBackwardInput(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer dy, DeviceBuffer dx)
    {
        int outputLength = DenseConvOperands(geometry, batch, outChannels, weight, dx, dy);
        using var columns = Allocate(weight.ElementType, geometry.ColumnsLength);
        for (int n = 0; n < batch; n++)
        {
            Gemm(true, false, geometry.PatchLength, geometry.OutputPixels, outChannels, weight, dy.Slice(n * outputLength, outputLength), columns);
            Col2Im(geometry, columns, dx.Slice(n * geometry.ImageLength, geometry.ImageLength));
        }
    }

    public void Conv2dBackwardWeight(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer x, DeviceBuffer dy, DeviceBuffer dWeight)
    {
        int outputLength = DenseConvOperands(geometry, batch, outChannels, dWeight, x, dy);
        FillWords(Operand(dWeight, dWeight.Length, nameof(dWeight)), 0);
        using var columns = Allocate(dWeight.ElementType, geometry.ColumnsLength);
        for (int n = 0; n < batch; n++)
        {
            Im2Col(geometry, x.Slice(n * geometry.ImageLength, geometry.ImageLength), columns);
            Gemm(false, true, outChannels, geometry.PatchLength, geometry.OutputPixels, dy.Slice(n * outputLength, outputLength), columns, dWeight, beta: 1);
        }
    }

    /// <summary>Checks the geometry, batch, channels and the three operands (one element type; the weight
    /// [out x PatchLength], the images [batch x ImageLength], the outputs [batch x out * OutputPixels]);
    /// returns one image's output length.</summary>
    int DenseConvOperands(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer images, DeviceBuffer outputs)
    {
        geometry.Validate();
        Guard.InRange(batch, 0, int.MaxValue, nameof(batch));
        Guard.Positive(outChannels, nameof(outChannels));
        Floating(weight, images, outputs);
        int outputLength = Product(outChannels, geometry.OutputPixels);
        Operand(weight, Product(outChannels, geometry.PatchLength), nameof(weight));
        Operand(images, Product(batch, geometry.ImageLength), nameof(images));
        Operand(outputs, Product(batch, outputLength), nameof(outputs));
        return outputLength;
    }
}
