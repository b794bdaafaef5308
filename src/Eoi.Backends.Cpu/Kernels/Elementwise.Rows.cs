using System.Numerics;
using System.Numerics.Tensors;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>Row-wise kernels on a dense row-major [rows x cols] matrix.</summary>
public static partial class Elementwise
{
    /// <summary>destination[r, :] = x[r, :] + bias for every row.</summary>
    public static void AddBias<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> bias, int rows, int cols, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckMatrix(x, rows, cols, destination);
        KernelArguments.SameLength(bias.Length, cols, nameof(bias), nameof(cols));
        for (int r = 0; r < rows; r++)
            TensorPrimitives.Add(x.Slice(r * cols, cols), bias, destination.Slice(r * cols, cols));
    }

    /// <summary>biasGradient[j] = sum over r of dy[r, j] (overwrites). Rows are added one after another, so
    /// each column sums in row order and the bits are the same at every SIMD width.</summary>
    public static void BiasGradient<T>(ReadOnlySpan<T> dy, int rows, int cols, Span<T> biasGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        KernelArguments.NonNegative(rows, nameof(rows));
        KernelArguments.NonNegative(cols, nameof(cols));
        KernelArguments.SameLength(dy.Length, (long)rows * cols, nameof(dy), "rows * cols");
        KernelArguments.SameLength(biasGradient.Length, cols, nameof(biasGradient), nameof(cols));
        KernelArguments.NoPartialOverlap(dy, biasGradient, nameof(dy));
        biasGradient.Clear();
        for (int r = 0; r < rows; r++)
            TensorPrimitives.Add(biasGradient, dy.Slice(r * cols, cols), biasGradient);
    }

    /// <summary>destination[r, j] = x[r, j] - max_r - log(sum_j e^(x[r, j] - max_r)): the max shift keeps
    /// every exponent &lt;= 0, so nothing overflows. In place is allowed.</summary>
    public static void LogSoftmax<T>(ReadOnlySpan<T> x, int rows, int cols, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckMatrix(x, rows, cols, destination);
        if (cols == 0)
            return;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<T> row = x.Slice(r * cols, cols);
            T max = TensorPrimitives.Max(row);
            T logSum = T.Log(ElementwiseDriver.SumOf(new ShiftedExpOperator<T>(max), row));
            TensorPrimitives.Subtract(row, max + logSum, destination.Slice(r * cols, cols));
        }
    }

    /// <summary>dx[r, :] = dy[r, :] - e^(y[r, :]) * sum(dy[r, :]), from the forward output y.</summary>
    public static void LogSoftmaxBackward<T>(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, int rows, int cols, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckMatrix(y, rows, cols, dx);
        KernelArguments.SameLength(dy.Length, y.Length, nameof(dy), nameof(y));
        KernelArguments.NoPartialOverlap(dy, dx, nameof(dy));
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<T> gradient = dy.Slice(r * cols, cols);
            var op = new LogSoftmaxGradientOperator<T>(TensorPrimitives.Sum(gradient));
            ElementwiseDriver.Binary(op, y.Slice(r * cols, cols), gradient, dx.Slice(r * cols, cols));
        }
    }

    static void CheckMatrix<T>(ReadOnlySpan<T> x, int rows, int cols, Span<T> destination)
    {
        KernelArguments.NonNegative(rows, nameof(rows));
        KernelArguments.NonNegative(cols, nameof(cols));
        KernelArguments.SameLength(x.Length, (long)rows * cols, nameof(x), "rows * cols");
        CheckUnary(x, destination);
    }
}
