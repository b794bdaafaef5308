using Eoi.Backends.Cpu.Kernels;
using Eoi.Core;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>The kernels index through raw pointers, so every bad length or index must be refused up front,
/// with an error that names the parameter.</summary>
public class ArgumentTests
{
    static void Refused(string parameter, Action call)
    {
        var error = Assert.Throws<EoiArgumentException>(call);
        Assert.Equal(parameter, error.ParameterName);
        Assert.Contains(parameter, error.Message);
    }

    [Fact]
    public void GemmRefusesBadShapesAndSpans()
    {
        Refused("m", () => Gemm.Multiply(false, false, -1, 2, 2, new float[4], new float[4], new float[4]));
        Refused("a", () => Gemm.Multiply(false, false, 2, 2, 3, new float[5], new float[6], new float[4]));
        Refused("b", () => Gemm.Multiply(true, true, 2, 2, 3, new double[6], new double[5], new double[4]));
        Refused("c", () => Gemm.Multiply(false, false, 2, 2, 3, new float[6], new float[6], new float[3]));
        Refused("maxDegreeOfParallelism", () => Gemm.Multiply(false, false, 1, 1, 1, new float[1], new float[1], new float[1], 0f, 0));
    }

    [Fact]
    public void SparseKernelsRefuseMalformedCsr()
    {
        var b = new float[3 * 2];
        var c = new float[2 * 2];
        Refused("rowOffsets", () => SparseKernels.Spmm(2, 2, 3, new[] { 0, 1 }, new[] { 0 }, new float[1], b, c));
        Refused("rowOffsets", () => SparseKernels.Spmm(2, 2, 3, new[] { 0, 2, 1 }, new[] { 0, 1 }, new float[2], b, c));
        Refused("columnIndices", () => SparseKernels.Spmm(2, 2, 3, new[] { 0, 1, 2 }, new[] { 0, 3 }, new float[2], b, c));
        Refused("columnIndices", () => SparseKernels.Spmm(2, 2, 3, new[] { 0, 1, 2 }, new[] { -1, 0 }, new float[2], b, c));
        Refused("values", () => SparseKernels.Spmm(2, 2, 3, new[] { 0, 1, 2 }, new[] { 0, 1 }, new float[1], b, c));
        Refused("b", () => SparseKernels.Spmm(2, 2, 3, new[] { 0, 1, 2 }, new[] { 0, 1 }, new float[2], new float[5], c));
        Refused("outValues", () => SparseKernels.Sddmm(2, 3, 2, new[] { 0, 1, 2 }, new[] { 0, 1 }, new float[4], new float[6], new float[1]));
        Refused("y", () => SparseKernels.Sddmm(2, 3, 2, new[] { 0, 1, 2 }, new[] { 0, 1 }, new double[4], new double[5], new double[2]));
    }

    [Fact]
    public void ElementwiseRefusesMismatchedOrShiftedSpans()
    {
        var data = new float[10];
        Refused("destination", () => Elementwise.Relu<float>(new float[4], new float[3]));
        Refused("y", () => Elementwise.Add<float>(new float[4], new float[5], new float[4]));
        Refused("x", () => Elementwise.Tanh<float>(data.AsSpan(0, 8), data.AsSpan(1, 8)));
        Refused("bias", () => Elementwise.AddBias<float>(new float[6], new float[2], 2, 3, new float[6]));
        Refused("x", () => Elementwise.LogSoftmax<double>(new double[5], 2, 3, new double[6]));
    }
}
