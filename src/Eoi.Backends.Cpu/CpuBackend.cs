using System.Numerics;
using Eoi.Backends.Cpu.Kernels;
using Eoi.Core;
using static Eoi.Backends.Cpu.CpuOperands;
using GemmKernel = Eoi.Backends.Cpu.Kernels.Gemm;

namespace Eoi.Backends.Cpu;

/// <summary>
/// The host backend. Products and elementwise maths go to the SIMD kernels in <c>Kernels/</c> (Gemm,
/// SparseKernels, Elementwise); data movement, per-channel bias, NLL, im2col/col2im, pooling and optimiser
/// updates are the loops in the <c>*Loops</c> files, generic over float and double. Every method checks its
/// operands, then picks the float32 or float64 instantiation from the buffers' element type.
/// </summary>
public sealed partial class CpuBackend : IBackend
{
    /// <summary>The default of <see cref="MaxPooledBytes"/>: 1 GiB, above the peak of a 1000-layer, width-128
    /// step at batch 128 (about 400 MB of activations and gradients).</summary>
    public const long DefaultMaxPooledBytes = 1L << 30;

    readonly int maxDegreeOfParallelism;
    readonly HostArrayPool pool;

    /// <param name="maxDegreeOfParallelism">Most threads a product may use; -1 for all cores. Results do not
    /// depend on it: the kernels partition work in a fixed way.</param>
    /// <param name="maxPooledBytes">Most bytes of freed buffers kept for reuse (0 keeps none).</param>
    public CpuBackend(int maxDegreeOfParallelism = -1, long maxPooledBytes = DefaultMaxPooledBytes)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
            throw new EoiArgumentException(nameof(maxDegreeOfParallelism), $"maxDegreeOfParallelism must be -1 (all cores) or >= 1; got {maxDegreeOfParallelism}");
        if (maxPooledBytes < 0)
            throw new EoiArgumentException(nameof(maxPooledBytes), $"maxPooledBytes must be >= 0; got {maxPooledBytes}");
        this.maxDegreeOfParallelism = maxDegreeOfParallelism;
        pool = new HostArrayPool(maxPooledBytes);
    }

    /// <summary>Most bytes of freed buffers this backend keeps for reuse.</summary>
    public long MaxPooledBytes => pool.MaxPooledBytes;

    /// <summary>Bytes of freed buffers held for reuse right now.</summary>
    public long PooledBytes => pool.PooledBytes;

    public string Name => "cpu";

    public DeviceBuffer Allocate(ElementType elementType, int length)
    {
        Guard.InRange(length, 0, Array.MaxLength, nameof(length));
        return elementType switch
        {
            ElementType.Float32 => CpuBuffer<float>.Rent(pool, length),
            ElementType.Float64 => CpuBuffer<double>.Rent(pool, length),
            ElementType.Int32 => CpuBuffer<int>.Rent(pool, length),
            _ => throw new EoiArgumentException(nameof(elementType), $"elementType must be Float32, Float64 or Int32; got {elementType}"),
        };
    }

    public void Upload<T>(ReadOnlySpan<T> source, DeviceBuffer destination) where T : unmanaged =>
        source.CopyTo(View<T>(destination, source.Length, nameof(destination)));

    public void Download<T>(DeviceBuffer source, Span<T> destination) where T : unmanaged =>
        View<T>(source, destination.Length, nameof(source)).CopyTo(destination);

    public void Copy(DeviceBuffer source, DeviceBuffer destination)
    {
        BufferGuard.Type(destination, source.ElementType, nameof(destination));
        int n = source.Length;
        switch (source.ElementType)
        {
            case ElementType.Float32: View<float>(source, n, nameof(source)).CopyTo(View<float>(destination, n, nameof(destination))); break;
            case ElementType.Float64: View<double>(source, n, nameof(source)).CopyTo(View<double>(destination, n, nameof(destination))); break;
            default: View<int>(source, n, nameof(source)).CopyTo(View<int>(destination, n, nameof(destination))); break;
        }
    }

    public void Fill(DeviceBuffer destination, double value)
    {
        int n = destination.Length;
        switch (destination.ElementType)
        {
            case ElementType.Float32: View<float>(destination, n, nameof(destination)).Fill((float)value); break;
            case ElementType.Float64: View<double>(destination, n, nameof(destination)).Fill(value); break;
            default:
                if (value != Math.Floor(value) || value < int.MinValue || value > int.MaxValue)
                    throw new EoiArgumentException(nameof(value), $"an Int32 buffer must be filled with an integer in [{int.MinValue}, {int.MaxValue}]; got {value}");
                View<int>(destination, n, nameof(destination)).Fill((int)value);
                break;
        }
    }

    public void Gather(DeviceBuffer source, DeviceBuffer indices, DeviceBuffer destination)
    {
        BufferGuard.Type(indices, ElementType.Int32, nameof(indices));
        int n = indices.Length, m = source.Length;
        var index = View<int>(indices, n, nameof(indices));
        foreach (int i in index)
            if ((uint)i >= (uint)m)
                throw new EoiArgumentException(nameof(indices), $"indices must lie in [0, {m - 1}]; got {i}");
        if (IsSingle(source, destination)) LayoutLoops.Gather(View<float>(source, m, nameof(source)), index, View<float>(destination, n, nameof(destination)));
        else LayoutLoops.Gather(View<double>(source, m, nameof(source)), index, View<double>(destination, n, nameof(destination)));
    }

    public void Transpose(int rows, int cols, DeviceBuffer source, DeviceBuffer destination)
    {
        int n = Product(rows, cols);
        if (IsSingle(source, destination)) LayoutLoops.Transpose(rows, cols, View<float>(source, n, nameof(source)), View<float>(destination, n, nameof(destination)));
        else LayoutLoops.Transpose(rows, cols, View<double>(source, n, nameof(source)), View<double>(destination, n, nameof(destination)));
    }

    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, double beta = 0)
    {
        int aLength = Product(m, k), bLength = Product(k, n), cLength = Product(m, n);
        if (IsSingle(a, b, c))
            GemmKernel.Multiply(transposeA, transposeB, m, n, k, View<float>(a, aLength, nameof(a)), View<float>(b, bLength, nameof(b)),
                View<float>(c, cLength, nameof(c)), (float)beta, maxDegreeOfParallelism);
        else
            GemmKernel.Multiply(transposeA, transposeB, m, n, k, View<double>(a, aLength, nameof(a)), View<double>(b, bLength, nameof(b)),
                View<double>(c, cLength, nameof(c)), beta, maxDegreeOfParallelism);
    }

    public void Spmm(DeviceCsrPattern a, DeviceBuffer aValues, int n, DeviceBuffer b, DeviceBuffer c, double beta = 0)
    {
        var csr = Structure(a);
        int bLength = Product(a.Cols, n), cLength = Product(a.Rows, n);
        if (IsSingle(aValues, b, c))
            SparseKernels.Spmm(a.Rows, n, a.Cols, csr.RowOffsets, csr.ColumnIndices, View<float>(aValues, a.NonZeros, nameof(aValues)),
                View<float>(b, bLength, nameof(b)), View<float>(c, cLength, nameof(c)), (float)beta, maxDegreeOfParallelism);
        else
            SparseKernels.Spmm(a.Rows, n, a.Cols, csr.RowOffsets, csr.ColumnIndices, View<double>(aValues, a.NonZeros, nameof(aValues)),
                View<double>(b, bLength, nameof(b)), View<double>(c, cLength, nameof(c)), beta, maxDegreeOfParallelism);
    }

    public void Sddmm(DeviceCsrPattern pattern, int n, DeviceBuffer x, DeviceBuffer y, DeviceBuffer outValues)
    {
        var csr = Structure(pattern);
        int xLength = Product(pattern.Rows, n), yLength = Product(pattern.Cols, n);
        if (IsSingle(x, y, outValues))
            SparseKernels.Sddmm(pattern.Rows, pattern.Cols, n, csr.RowOffsets, csr.ColumnIndices, View<float>(x, xLength, nameof(x)),
                View<float>(y, yLength, nameof(y)), View<float>(outValues, pattern.NonZeros, nameof(outValues)), maxDegreeOfParallelism);
        else
            SparseKernels.Sddmm(pattern.Rows, pattern.Cols, n, csr.RowOffsets, csr.ColumnIndices, View<double>(x, xLength, nameof(x)),
                View<double>(y, yLength, nameof(y)), View<double>(outValues, pattern.NonZeros, nameof(outValues)), maxDegreeOfParallelism);
    }

    public void Binary(BinaryOp op, DeviceBuffer a, DeviceBuffer b, DeviceBuffer result)
    {
        int n = a.Length;
        if (IsSingle(a, b, result)) Binary(op, View<float>(a, n, nameof(a)), View<float>(b, n, nameof(b)), View<float>(result, n, nameof(result)));
        else Binary(op, View<double>(a, n, nameof(a)), View<double>(b, n, nameof(b)), View<double>(result, n, nameof(result)));
    }

    static void Binary<T>(BinaryOp op, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (op)
        {
            case BinaryOp.Add: Elementwise.Add(a, b, result); break;
            case BinaryOp.Multiply: Elementwise.Multiply(a, b, result); break;
            default: throw new EoiArgumentException(nameof(op), $"op must be Add or Multiply; got {op}");
        }
    }

    public void Scale(double alpha, DeviceBuffer x, DeviceBuffer y)
    {
        int n = x.Length;
        if (IsSingle(x, y)) Elementwise.Scale(View<float>(x, n, nameof(x)), (float)alpha, View<float>(y, n, nameof(y)));
        else Elementwise.Scale(View<double>(x, n, nameof(x)), alpha, View<double>(y, n, nameof(y)));
    }

    public void Axpy(double alpha, DeviceBuffer x, DeviceBuffer y)
    {
        int n = x.Length;
        if (IsSingle(x, y)) Elementwise.Axpy((float)alpha, View<float>(x, n, nameof(x)), View<float>(y, n, nameof(y)));
        else Elementwise.Axpy(alpha, View<double>(x, n, nameof(x)), View<double>(y, n, nameof(y)));
    }

    public void Activate(Activation f, DeviceBuffer x, DeviceBuffer y)
    {
        int n = x.Length;
        if (IsSingle(x, y)) ActivationKernels.Forward(f, View<float>(x, n, nameof(x)), View<float>(y, n, nameof(y)));
        else ActivationKernels.Forward(f, View<double>(x, n, nameof(x)), View<double>(y, n, nameof(y)));
    }

    public void ActivateBackward(Activation f, DeviceBuffer x, DeviceBuffer y, DeviceBuffer dy, DeviceBuffer dx)
    {
        int n = x.Length;
        if (IsSingle(x, y, dy, dx))
            ActivationKernels.Backward(f, View<float>(x, n, nameof(x)), View<float>(y, n, nameof(y)), View<float>(dy, n, nameof(dy)), View<float>(dx, n, nameof(dx)));
        else
            ActivationKernels.Backward(f, View<double>(x, n, nameof(x)), View<double>(y, n, nameof(y)), View<double>(dy, n, nameof(dy)), View<double>(dx, n, nameof(dx)));
    }

    public void BiasAdd(ChannelLayout layout, DeviceBuffer x, DeviceBuffer bias, DeviceBuffer y)
    {
        var (outer, channels, inner) = Checked(layout);
        int n = layout.Length;
        if (IsSingle(x, bias, y))
            LayoutLoops.BiasAdd(outer, channels, inner, View<float>(x, n, nameof(x)), View<float>(bias, channels, nameof(bias)), View<float>(y, n, nameof(y)));
        else
            LayoutLoops.BiasAdd(outer, channels, inner, View<double>(x, n, nameof(x)), View<double>(bias, channels, nameof(bias)), View<double>(y, n, nameof(y)));
    }

    public void BiasGrad(ChannelLayout layout, DeviceBuffer dy, DeviceBuffer dbias)
    {
        var (outer, channels, inner) = Checked(layout);
        int n = layout.Length;
        if (IsSingle(dy, dbias))
            LayoutLoops.BiasGrad(outer, channels, inner, View<float>(dy, n, nameof(dy)), View<float>(dbias, channels, nameof(dbias)));
        else
            LayoutLoops.BiasGrad(outer, channels, inner, View<double>(dy, n, nameof(dy)), View<double>(dbias, channels, nameof(dbias)));
    }

    public void LogSoftmax(int rows, int cols, DeviceBuffer x, DeviceBuffer y)
    {
        Guard.Positive(cols, nameof(cols));
        int n = Product(rows, cols);
        if (IsSingle(x, y)) Elementwise.LogSoftmax(View<float>(x, n, nameof(x)), rows, cols, View<float>(y, n, nameof(y)));
        else Elementwise.LogSoftmax(View<double>(x, n, nameof(x)), rows, cols, View<double>(y, n, nameof(y)));
    }

    public void LogSoftmaxBackward(int rows, int cols, DeviceBuffer y, DeviceBuffer dy, DeviceBuffer dx)
    {
        int n = Product(rows, cols);
        if (IsSingle(y, dy, dx))
            Elementwise.LogSoftmaxBackward(View<float>(y, n, nameof(y)), View<float>(dy, n, nameof(dy)), rows, cols, View<float>(dx, n, nameof(dx)));
        else
            Elementwise.LogSoftmaxBackward(View<double>(y, n, nameof(y)), View<double>(dy, n, nameof(dy)), rows, cols, View<double>(dx, n, nameof(dx)));
    }

    public void NllLoss(int rows, int cols, DeviceBuffer logProbs, DeviceBuffer targets, DeviceBuffer loss)
    {
        Guard.Positive(rows, nameof(rows));
        var labels = Labels(targets, rows);
        int n = Product(rows, cols);
        if (IsSingle(logProbs, loss))
            NllLoops.Forward(rows, cols, View<float>(logProbs, n, nameof(logProbs)), labels, View<float>(loss, 1, nameof(loss)));
        else
            NllLoops.Forward(rows, cols, View<double>(logProbs, n, nameof(logProbs)), labels, View<double>(loss, 1, nameof(loss)));
    }

    public void NllLossBackward(int rows, int cols, DeviceBuffer targets, DeviceBuffer dLoss, DeviceBuffer dLogProbs)
    {
        Guard.Positive(rows, nameof(rows));
        var labels = Labels(targets, rows);
        int n = Product(rows, cols);
        if (IsSingle(dLoss, dLogProbs))
            NllLoops.Backward(rows, cols, labels, View<float>(dLoss, 1, nameof(dLoss)), View<float>(dLogProbs, n, nameof(dLogProbs)));
        else
            NllLoops.Backward(rows, cols, labels, View<double>(dLoss, 1, nameof(dLoss)), View<double>(dLogProbs, n, nameof(dLogProbs)));
    }

    public void Im2Col(ConvGeometry geometry, DeviceBuffer image, DeviceBuffer columns)
    {
        geometry.Validate();
        int imageLength = geometry.ImageLength, columnsLength = geometry.ColumnsLength;
        if (IsSingle(image, columns))
            ConvolutionLoops.Im2Col(geometry, View<float>(image, imageLength, nameof(image)), View<float>(columns, columnsLength, nameof(columns)));
        else
            ConvolutionLoops.Im2Col(geometry, View<double>(image, imageLength, nameof(image)), View<double>(columns, columnsLength, nameof(columns)));
    }

    public void Col2Im(ConvGeometry geometry, DeviceBuffer columns, DeviceBuffer image)
    {
        geometry.Validate();
        int imageLength = geometry.ImageLength, columnsLength = geometry.ColumnsLength;
        if (IsSingle(columns, image))
            ConvolutionLoops.Col2Im(geometry, View<float>(columns, columnsLength, nameof(columns)), View<float>(image, imageLength, nameof(image)));
        else
            ConvolutionLoops.Col2Im(geometry, View<double>(columns, columnsLength, nameof(columns)), View<double>(image, imageLength, nameof(image)));
    }

    public void AveragePool(PoolGeometry geometry, DeviceBuffer x, DeviceBuffer y)
    {
        geometry.Validate();
        if (IsSingle(x, y))
            PoolingLoops.AverageForward(geometry, View<float>(x, geometry.InputLength, nameof(x)), View<float>(y, geometry.OutputLength, nameof(y)));
        else
            PoolingLoops.AverageForward(geometry, View<double>(x, geometry.InputLength, nameof(x)), View<double>(y, geometry.OutputLength, nameof(y)));
    }

    public void AveragePoolBackward(PoolGeometry geometry, DeviceBuffer dy, DeviceBuffer dx)
    {
        geometry.Validate();
        if (IsSingle(dy, dx))
            PoolingLoops.AverageBackward(geometry, View<float>(dy, geometry.OutputLength, nameof(dy)), View<float>(dx, geometry.InputLength, nameof(dx)));
        else
            PoolingLoops.AverageBackward(geometry, View<double>(dy, geometry.OutputLength, nameof(dy)), View<double>(dx, geometry.InputLength, nameof(dx)));
    }

    public void SgdStep(SgdHyperparameters hyper, DeviceBuffer parameter, DeviceBuffer grad, DeviceBuffer? momentumBuffer, bool firstStep)
    {
        hyper.Validate();
        int n = parameter.Length;
        bool single = IsSingle(parameter, grad);
        if (hyper.Momentum == 0)
        {
            if (single) OptimizerLoops.Sgd(hyper, View<float>(parameter, n, nameof(parameter)), View<float>(grad, n, nameof(grad)), [], firstStep);
            else OptimizerLoops.Sgd(hyper, View<double>(parameter, n, nameof(parameter)), View<double>(grad, n, nameof(grad)), [], firstStep);
            return;
        }
        Guard.NotNull(momentumBuffer, nameof(momentumBuffer));
        BufferGuard.FloatingType(parameter, momentumBuffer!);
        if (single)
            OptimizerLoops.Sgd(hyper, View<float>(parameter, n, nameof(parameter)), View<float>(grad, n, nameof(grad)),
                View<float>(momentumBuffer!, n, nameof(momentumBuffer)), firstStep);
        else
            OptimizerLoops.Sgd(hyper, View<double>(parameter, n, nameof(parameter)), View<double>(grad, n, nameof(grad)),
                View<double>(momentumBuffer!, n, nameof(momentumBuffer)), firstStep);
    }

    public void AdamStep(AdamHyperparameters hyper, int step, DeviceBuffer parameter, DeviceBuffer grad, DeviceBuffer firstMoment, DeviceBuffer secondMoment)
    {
        hyper.Validate();
        Guard.Positive(step, nameof(step));
        int n = parameter.Length;
        if (IsSingle(parameter, grad, firstMoment, secondMoment))
            OptimizerLoops.Adam(hyper, step, View<float>(parameter, n, nameof(parameter)), View<float>(grad, n, nameof(grad)),
                View<float>(firstMoment, n, nameof(firstMoment)), View<float>(secondMoment, n, nameof(secondMoment)));
        else
            OptimizerLoops.Adam(hyper, step, View<double>(parameter, n, nameof(parameter)), View<double>(grad, n, nameof(grad)),
                View<double>(firstMoment, n, nameof(firstMoment)), View<double>(secondMoment, n, nameof(secondMoment)));
    }
}
