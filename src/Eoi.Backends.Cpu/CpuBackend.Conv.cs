using Eoi.Core;
using static Eoi.Backends.Cpu.CpuOperands;

namespace Eoi.Backends.Cpu;

// Dense convolution over a whole batch, image groups on the thread pool (DenseConvolutionLoops).
public sealed partial class CpuBackend
{
    public void Conv2d(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer x, DeviceBuffer y)
    {
        var (weightLength, imagesLength, outputsLength) = DenseConvLengths(geometry, batch, outChannels);
        if (IsSingle(weight, x, y))
            DenseConvolutionLoops.Forward(geometry, batch, outChannels, View<float>(weight, weightLength, nameof(weight)),
                View<float>(x, imagesLength, nameof(x)), View<float>(y, outputsLength, nameof(y)), maxDegreeOfParallelism);
        else
            DenseConvolutionLoops.Forward(geometry, batch, outChannels, View<double>(weight, weightLength, nameof(weight)),
                View<double>(x, imagesLength, nameof(x)), View<double>(y, outputsLength, nameof(y)), maxDegreeOfParallelism);
    }

    public void Conv2dBackwardInput(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer dy, DeviceBuffer dx)
    {
        var (weightLength, imagesLength, outputsLength) = DenseConvLengths(geometry, batch, outChannels);
        if (IsSingle(weight, dy, dx))
            DenseConvolutionLoops.BackwardInput(geometry, batch, outChannels, View<float>(weight, weightLength, nameof(weight)),
                View<float>(dy, outputsLength, nameof(dy)), View<float>(dx, imagesLength, nameof(dx)), maxDegreeOfParallelism);
        else
            DenseConvolutionLoops.BackwardInput(geometry, batch, outChannels, View<double>(weight, weightLength, nameof(weight)),
                View<double>(dy, outputsLength, nameof(dy)), View<double>(dx, imagesLength, nameof(dx)), maxDegreeOfParallelism);
    }

    public void Conv2dBackwardWeight(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer x, DeviceBuffer dy, DeviceBuffer dWeight)
    {
        var (weightLength, imagesLength, outputsLength) = DenseConvLengths(geometry, batch, outChannels);
        if (IsSingle(x, dy, dWeight))
            DenseConvolutionLoops.BackwardWeight(geometry, batch, outChannels, View<float>(x, imagesLength, nameof(x)),
                View<float>(dy, outputsLength, nameof(dy)), View<float>(dWeight, weightLength, nameof(dWeight)), maxDegreeOfParallelism);
        else
            DenseConvolutionLoops.BackwardWeight(geometry, batch, outChannels, View<double>(x, imagesLength, nameof(x)),
                View<double>(dy, outputsLength, nameof(dy)), View<double>(dWeight, weightLength, nameof(dWeight)), maxDegreeOfParallelism);
    }

    /// <summary>Checks the geometry, batch and channels; the lengths of the weight, the images and the outputs.</summary>
    static (int Weight, int Images, int Outputs) DenseConvLengths(ConvGeometry geometry, int batch, int outChannels)
    {
        geometry.Validate();
        Guard.InRange(batch, 0, int.MaxValue, nameof(batch));
        Guard.Positive(outChannels, nameof(outChannels));
        return (Product(outChannels, geometry.PatchLength), Product(batch, geometry.ImageLength), Product(batch, Product(outChannels, geometry.OutputPixels)));
    }
}
