using Eoi.Backends.Cuda.Kernels;
using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda;

// Bias, classification, convolution and pooling (channels.cu, classification.cu, convolution.cu).
public sealed partial class CudaBackend
{
    public void BiasAdd(ChannelLayout layout, DeviceBuffer x, DeviceBuffer bias, DeviceBuffer y)
    {
        int n = Length(layout);
        var type = Floating(x, bias, y);
        kernels.ForEach(KernelModule.Channels, "bias_add", type, n, new KernelArguments().Add(layout.Outer).Add(layout.Channels).Add(layout.Inner)
            .Add(Pointer(x, n, nameof(x))).Add(Pointer(bias, layout.Channels, nameof(bias))).Add(Pointer(y, n, nameof(y))));
    }

    /// <summary>One block per channel (a grid-stride loop past <see cref="LaunchShape.MaxBlocks"/> of them).</summary>
    public void BiasGrad(ChannelLayout layout, DeviceBuffer dy, DeviceBuffer dbias)
    {
        int n = Length(layout);
        var type = Floating(dy, dbias);
        var gradient = Pointer(dy, n, nameof(dy));
        var result = Pointer(dbias, layout.Channels, nameof(dbias));
        if (layout.Channels == 0) return;
        kernels.Launch(KernelModule.Channels, "bias_grad", type, Math.Min((uint)layout.Channels, LaunchShape.MaxBlocks), LaunchShape.ReductionThreads,
            new KernelArguments().Add(layout.Outer).Add(layout.Channels).Add(layout.Inner).Add(gradient).Add(result));
    }

    /// <summary>One thread per row.</summary>
    public void LogSoftmax(int rows, int cols, DeviceBuffer x, DeviceBuffer y)
    {
        Guard.Positive(cols, nameof(cols));
        int n = Product(rows, cols);
        var type = Floating(x, y);
        kernels.ForEach(KernelModule.Classification, "log_softmax", type, rows, new KernelArguments().Add(rows).Add(cols)
            .Add(Pointer(x, n, nameof(x))).Add(Pointer(y, n, nameof(y))));
    }

    public void LogSoftmaxBackward(int rows, int cols, DeviceBuffer y, DeviceBuffer dy, DeviceBuffer dx)
    {
        int n = Product(rows, cols);
        var type = Floating(y, dy, dx);
        kernels.ForEach(KernelModule.Classification, "log_softmax_backward", type, rows, new KernelArguments().Add(rows).Add(cols)
            .Add(Pointer(y, n, nameof(y))).Add(Pointer(dy, n, nameof(dy))).Add(Pointer(dx, n, nameof(dx))));
    }

    /// <summary>A single thread sums the batch in order; a target out of range is reported at the next
    /// synchronisation and makes the loss NaN.</summary>
    public void NllLoss(int rows, int cols, DeviceBuffer logProbs, DeviceBuffer targets, DeviceBuffer loss)
    {
        Guard.Positive(rows, nameof(rows));
        var labels = Indices(targets, rows, nameof(targets));
        int n = Product(rows, cols);
        var type = Floating(logProbs, loss);
        kernels.Launch(KernelModule.Classification, "nll_loss", type, 1u, 1u, new KernelArguments().Add(rows).Add(cols)
            .Add(Pointer(logProbs, n, nameof(logProbs))).Add(labels).Add(Pointer(loss, 1, nameof(loss))).Add(IndexReport()));
    }

    public void NllLossBackward(int rows, int cols, DeviceBuffer targets, DeviceBuffer dLoss, DeviceBuffer dLogProbs)
    {
        Guard.Positive(rows, nameof(rows));
        var labels = Indices(targets, rows, nameof(targets));
        int n = Product(rows, cols);
        var type = Floating(dLoss, dLogProbs);
        var upstream = Pointer(dLoss, 1, nameof(dLoss));
        var result = Pointer(dLogProbs, n, nameof(dLogProbs));
        kernels.ForEach(KernelModule.Classification, "nll_loss_backward", type, n, new KernelArguments().Add(rows).Add(cols)
            .Add(labels).Add(upstream).Add(result).Add(IndexReport()));
    }

    public void Im2Col(ConvGeometry geometry, DeviceBuffer image, DeviceBuffer columns)
    {
        geometry.Validate();
        var type = Floating(image, columns);
        var arguments = Convolution(geometry).Add(Pointer(image, geometry.ImageLength, nameof(image))).Add(Pointer(columns, geometry.ColumnsLength, nameof(columns)));
        kernels.ForEach(KernelModule.Convolution, "im2col", type, geometry.ColumnsLength, arguments);
    }

    /// <summary>One thread per image element gathers what the CPU scatters, in the CPU's order.</summary>
    public void Col2Im(ConvGeometry geometry, DeviceBuffer columns, DeviceBuffer image)
    {
        geometry.Validate();
        var type = Floating(columns, image);
        var arguments = Convolution(geometry).Add(Pointer(columns, geometry.ColumnsLength, nameof(columns))).Add(Pointer(image, geometry.ImageLength, nameof(image)));
        kernels.ForEach(KernelModule.Convolution, "col2im", type, geometry.ImageLength, arguments);
    }

    static KernelArguments Convolution(ConvGeometry g) => new KernelArguments()
        .Add(g.Channels).Add(g.Height).Add(g.Width).Add(g.KernelHeight).Add(g.KernelWidth).Add(g.Stride).Add(g.Padding)
        .Add(g.PaddingMode == PaddingMode.Circular ? 1 : 0).Add(g.OutHeight).Add(g.OutWidth);

    public void AveragePool(PoolGeometry geometry, DeviceBuffer x, DeviceBuffer y)
    {
        geometry.Validate();
        var type = Floating(x, y);
        var arguments = Pooling(geometry).Add(Pointer(x, geometry.InputLength, nameof(x))).Add(Pointer(y, geometry.OutputLength, nameof(y)));
        kernels.ForEach(KernelModule.Convolution, "average_pool", type, geometry.OutputLength, arguments);
    }

    public void AveragePoolBackward(PoolGeometry geometry, DeviceBuffer dy, DeviceBuffer dx)
    {
        geometry.Validate();
        var type = Floating(dy, dx);
        var arguments = Pooling(geometry).Add(Pointer(dy, geometry.OutputLength, nameof(dy))).Add(Pointer(dx, geometry.InputLength, nameof(dx)));
        kernels.ForEach(KernelModule.Convolution, "average_pool_backward", type, geometry.InputLength, arguments);
    }

    static KernelArguments Pooling(PoolGeometry g) => new KernelArguments()
        .Add(g.Planes).Add(g.Height).Add(g.Width).Add(g.Kernel).Add(g.Stride).Add(g.OutHeight).Add(g.OutWidth);
}
