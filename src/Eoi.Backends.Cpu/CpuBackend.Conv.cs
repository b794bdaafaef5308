using Eoi.Core;
using static Eoi.Backends.Cpu.CpuOperands;

namespace Eoi.Backends.Cpu;

// Dense convolution over a whole batch, image groups on the thread pool (DenseConvolutionLoops).
public sealed partial class CpuBackend
{
    public void Conv2d(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer x, DeviceBuffer y)
    {
        var lengths = DenseConvLengths(geometry, batch, outChannels);
        DenseConv(geometry, batch, outChannels, new(weight, lengths.Weight, nameof(weight)), new(x, lengths.Images, nameof(x)),
            new(y, lengths.Outputs, nameof(y)), DenseConvolutionLoops.Forward, DenseConvolutionLoops.Forward);
    }

    public void Conv2dBackwardInput(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer weight, DeviceBuffer dy, DeviceBuffer dx)
    {
        var lengths = DenseConvLengths(geometry, batch, outChannels);
        DenseConv(geometry, batch, outChannels, new(weight, lengths.Weight, nameof(weight)), new(dy, lengths.Outputs, nameof(dy)),
            new(dx, lengths.Images, nameof(dx)), DenseConvolutionLoops.BackwardInput, DenseConvolutionLoops.BackwardInput);
    }

    public void Conv2dBackwardWeight(ConvGeometry geometry, int batch, int outChannels, DeviceBuffer x, DeviceBuffer dy, DeviceBuffer dWeight)
    {
        var lengths = DenseConvLengths(geometry, batch, outChannels);
        DenseConv(geometry, batch, outChannels, new(x, lengths.Images, nameof(x)), new(dy, lengths.Outputs, nameof(dy)),
            new(dWeight, lengths.Weight, nameof(dWeight)), DenseConvolutionLoops.BackwardWeight, DenseConvolutionLoops.BackwardWeight);
    }

    /// <summary>A dense convolution loop: two operands read, the third written.</summary>
    delegate void DenseConvLoop<T>(ConvGeometry geometry, int batch, int outChannels, ReadOnlySpan<T> first, ReadOnlySpan<T> second,
        Span<T> result, int maxDegreeOfParallelism);

    /// <summary>A buffer with the length the call needs and its parameter's name for errors.</summary>
    readonly record struct Operand(DeviceBuffer Buffer, int Length, string Name);

    /// <summary>Runs the float32 or float64 instantiation of one loop, by the operands' element type.</summary>
    void DenseConv(ConvGeometry geometry, int batch, int outChannels, Operand first, Operand second, Operand result,
        DenseConvLoop<float> single, DenseConvLoop<double> @double)
    {
        if (IsSingle(first.Buffer, second.Buffer, result.Buffer))
            single(geometry, batch, outChannels, View<float>(first.Buffer, first.Length, first.Name), View<float>(second.Buffer, second.Length, second.Name),
                View<float>(result.Buffer, result.Length, result.Name), maxDegreeOfParallelism);
        else
            @double(geometry, batch, outChannels, View<double>(first.Buffer, first.Length, first.Name), View<double>(second.Buffer, second.Length, second.Name),
                View<double>(result.Buffer, result.Length, result.Name), maxDegreeOfParallelism);
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
