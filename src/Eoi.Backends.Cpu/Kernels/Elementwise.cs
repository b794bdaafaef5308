using System.Numerics;
using System.Numerics.Tensors;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// Element-wise forward and backward kernels for float and double. Operations TensorPrimitives already
/// has go straight to it; the rest are operator structs run by <see cref="ElementwiseDriver"/>. Every
/// output may be the very same span as an input (in place); a shifted overlap is rejected.
/// Backward helpers are named *Backward and return the gradient with respect to the forward input;
/// the backward of add is the incoming gradient itself, of multiply <see cref="Multiply{T}"/> by the
/// other factor, of identity a copy.
/// </summary>
public static partial class Elementwise
{
    public static void Add<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, y, destination);
        TensorPrimitives.Add(x, y, destination);
    }

    public static void Subtract<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, y, destination);
        TensorPrimitives.Subtract(x, y, destination);
    }

    public static void Multiply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, y, destination);
        TensorPrimitives.Multiply(x, y, destination);
    }

    /// <summary>destination = factor * x.</summary>
    public static void Scale<T>(ReadOnlySpan<T> x, T factor, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Multiply(x, factor, destination);
    }

    /// <summary>y = alpha * x + y (the optimiser update).</summary>
    public static void Axpy<T>(T alpha, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, y);
        TensorPrimitives.MultiplyAdd(x, alpha, y, y);
    }

    /// <summary>The identity activation (a copy; its backward is a copy of the gradient).</summary>
    public static void Identity<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        x.CopyTo(destination);
    }

    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Tanh(x, destination);
    }

    /// <summary>dx = dy * (1 - y^2), from the forward output y.</summary>
    public static void TanhBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(y, dy, dx);
        ElementwiseDriver.Binary(new TanhGradientOperator<T>(), y, dy, dx);
    }

    /// <summary>max(x, 0); NaN stays NaN.</summary>
    public static void Relu<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Max(x, T.Zero, destination);
    }

    /// <summary>dx = dy where x > 0, else 0 (x may equally be the forward output).</summary>
    public static void ReluBackward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, dy, dx);
        ElementwiseDriver.Binary(new ReluGradientOperator<T>(), x, dy, dx);
    }

    public static void LeakyRelu<T>(ReadOnlySpan<T> x, T slope, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        ElementwiseDriver.Unary(new LeakyReluOperator<T>(slope), x, destination);
    }

    /// <summary>dx = dy where x > 0, else slope * dy.</summary>
    public static void LeakyReluBackward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, T slope, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, dy, dx);
        ElementwiseDriver.Binary(new LeakyReluGradientOperator<T>(slope), x, dy, dx);
    }

    /// <summary>clamp(x, -1, 1).</summary>
    public static void HardTanh<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        TensorPrimitives.Clamp(x, -T.One, T.One, destination);
    }

    /// <summary>dx = dy where -1 &lt; x &lt; 1, else 0.</summary>
    public static void HardTanhBackward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, dy, dx);
        ElementwiseDriver.Binary(new HardTanhGradientOperator<T>(), x, dy, dx);
    }

    public static void Selu<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckUnary(x, destination);
        ElementwiseDriver.Unary(new SeluOperator<T>(), x, destination);
    }

    /// <summary>dx = lambda * dy where x > 0, else lambda * alpha * e^x * dy.</summary>
    public static void SeluBackward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckBinary(x, dy, dx);
        ElementwiseDriver.Binary(new SeluGradientOperator<T>(), x, dy, dx);
    }

    static void CheckUnary<T>(ReadOnlySpan<T> x, Span<T> destination)
    {
        KernelArguments.SameLength(destination.Length, x.Length, nameof(destination), nameof(x));
        KernelArguments.NoPartialOverlap(x, destination, nameof(x));
    }

    static void CheckBinary<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination)
    {
        KernelArguments.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        CheckUnary(x, destination);
        KernelArguments.NoPartialOverlap(y, destination, nameof(y));
    }
}
