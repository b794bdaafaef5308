using Eoi.Backends.Cpu.Kernels;
using Eoi.Backends.Cpu.Tests.Support;
using static Eoi.Backends.Cpu.Tests.Support.Tolerances;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>Bias add, bias gradient and row-wise log-softmax (forward and backward) against float64
/// definitions, row lengths 1..256 so every vector tail is hit.</summary>
public abstract class RowKernelTests<T> where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    static readonly double U = UnitRoundoff<T>();
    static readonly double Factor = ReferenceFactor(U);
    const int Rows = 3;

    [Fact]
    public void AddBiasAddsToEveryRow()
    {
        for (int cols = 1; cols <= 256; cols++)
        {
            double[] x = TestData.Uniform(Rows * cols, cols), bias = TestData.Uniform(cols, cols + 1);
            var output = new T[Rows * cols];
            Elementwise.AddBias<T>(TestData.As<T>(x), TestData.As<T>(bias), Rows, cols, output);
            for (int i = 0; i < output.Length; i++)
            {
                double expected = x[i] + bias[i % cols];
                Expect.Within(double.CreateChecked(output[i]), expected, Factor * U * Math.Abs(expected), $"bias add [{i / cols},{i % cols}] cols {cols}");
            }
        }
    }

    /// <summary>Column sums of `rows` terms: gamma_rows of the summed magnitudes.</summary>
    [Fact]
    public void BiasGradientSumsColumns()
    {
        const int rows = 37;
        for (int cols = 1; cols <= 256; cols++)
        {
            double[] dy = TestData.Uniform(rows * cols, cols);
            var gradient = TestData.As<T>(Enumerable.Repeat(double.NaN, cols).ToArray());
            Elementwise.BiasGradient<T>(TestData.As<T>(dy), rows, cols, gradient);
            for (int j = 0; j < cols; j++)
            {
                double sum = 0, magnitude = 0;
                for (int r = 0; r < rows; r++)
                {
                    sum += dy[r * cols + j];
                    magnitude += Math.Abs(dy[r * cols + j]);
                }
                Expect.Within(double.CreateChecked(gradient[j]), sum, Factor * Gamma(rows, U) * magnitude, $"bias gradient column {j} of {cols}");
            }
        }
    }

    /// <summary>
    /// out = x - max - log S, S = sum e^(x - max) in [1, cols]. Errors: each term e^(x - max) carries the
    /// transcendental error plus u |x - max| from its rounded argument, the sum gamma_cols, so log S is off
    /// by (transcendental + cols + max|x - max|) u plus log's own error on |log S|; the two final subtractions
    /// add u (|max| + |log S| + |out|).
    /// </summary>
    [Fact]
    public void LogSoftmaxMatchesDefinition()
    {
        for (int cols = 1; cols <= 256; cols++)
        {
            double[] x = TestData.Uniform(Rows * cols, cols, scale: 6);
            T[] output = new T[x.Length], inPlace = TestData.As<T>(x);
            Elementwise.LogSoftmax<T>(TestData.As<T>(x), Rows, cols, output);
            for (int r = 0; r < Rows; r++)
            {
                var row = x.AsSpan(r * cols, cols);
                double max = double.NegativeInfinity, sum = 0, spread = 0;
                foreach (double v in row)
                    max = Math.Max(max, v);
                foreach (double v in row)
                {
                    sum += Math.Exp(v - max);
                    spread = Math.Max(spread, max - v);
                }
                double logSum = Math.Log(sum);
                for (int j = 0; j < cols; j++)
                {
                    double expected = row[j] - max - logSum;
                    double bound = (TranscendentalUnits + cols + spread) * U + TranscendentalUnits * U * logSum
                        + 2 * U * (Math.Abs(max) + logSum + Math.Abs(expected));
                    Expect.Within(double.CreateChecked(output[r * cols + j]), expected, Factor * bound, $"log_softmax [{r},{j}] cols {cols}");
                }
            }
            Elementwise.LogSoftmax<T>(inPlace, Rows, cols, inPlace);
            Expect.BitwiseEqual<T>(inPlace, output, $"log_softmax in place, cols {cols}");
        }
    }

    /// <summary>dx = dy - e^y s with s = sum dy: s is off by gamma_cols sum|dy|, e^y by the transcendental
    /// error, and the product and difference add one u each of their magnitudes.</summary>
    [Fact]
    public void LogSoftmaxBackwardMatchesDefinition()
    {
        for (int cols = 1; cols <= 256; cols++)
        {
            double[] logits = TestData.Uniform(Rows * cols, cols, scale: 4), dy = TestData.Uniform(Rows * cols, cols + 1);
            T[] y = new T[logits.Length], dx = new T[logits.Length];
            Elementwise.LogSoftmax<T>(TestData.As<T>(logits), Rows, cols, y);
            double[] yValues = TestData.ToDouble(y);
            Elementwise.LogSoftmaxBackward<T>(y, TestData.As<T>(dy), Rows, cols, dx);
            for (int r = 0; r < Rows; r++)
            {
                double sum = 0, magnitude = 0;
                for (int j = 0; j < cols; j++)
                {
                    sum += dy[r * cols + j];
                    magnitude += Math.Abs(dy[r * cols + j]);
                }
                for (int j = 0; j < cols; j++)
                {
                    int i = r * cols + j;
                    double softmax = Math.Exp(yValues[i]), expected = dy[i] - softmax * sum;
                    double bound = softmax * Gamma(cols, U) * magnitude + (TranscendentalUnits + 2) * U * Math.Abs(softmax * sum)
                        + U * Math.Abs(expected) + AbsoluteFloor;
                    Expect.Within(double.CreateChecked(dx[i]), expected, Factor * bound, $"log_softmax' [{r},{j}] cols {cols}");
                }
            }
        }
    }
}

public sealed class Float32RowKernelTests : RowKernelTests<float>;

public sealed class Float64RowKernelTests : RowKernelTests<double>;
