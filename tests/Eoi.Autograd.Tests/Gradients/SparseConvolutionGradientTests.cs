using Eoi.Core;
using FsCheck;
using FsCheck.Fluent;
using static Eoi.Autograd.Tests.Gradients.ConvolutionGradientTests;
using static Eoi.Autograd.Tests.SparseLinearTests;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests.Gradients;

/// <summary>The CSR convolution: central-difference gradients, and the masked dense convolution's values and
/// gradients, over the same cases as <see cref="ConvolutionGradientTests"/> (kernels 1-3, stride 1-2, zero and
/// circular padding) at densities 0.1-1.</summary>
public class SparseConvolutionGradientTests
{
    /// <summary>Float64: both paths sum at most 3 * 3 * 3 = 27 products of values in [-1, 1] per output (and as
    /// many per gradient entry over a batch of 2 and 25 pixels: at most 2 * 25 * 9 = 450), in different orders;
    /// that is a few ulps of 450, about 1e-13, and 1e-11 still catches any misplaced entry (of size ~1e-3 or more).</summary>
    const double Float64Tolerance = 1e-11;

    [EoiProperty]
    public Property SparseConv2dGradients() =>
        Prop.ForAll(Cases().ToArbitrary(), t =>
        {
            var (c, density) = t;
            var pattern = RandomPattern(c.Seed, c.OutChannels, c.InChannels * c.Kernel * c.Kernel, density);
            Shape xShape = [c.Batch, c.InChannels, c.Height, c.Width];
            GradientCheck.AssertGradients(v =>
            {
                var x = Leaf(xShape, v[0]);
                var w = SparseConvWeight.FromCsr(Cpu, c.InChannels, c.Kernel, c.Kernel, new CsrMatrix(pattern, v[1]), ElementType.Float64);
                return (x.SparseConv2d(w, c.Stride, c.Padding, c.Mode), [x, w.Values]);
            }, [Uniform(c.Seed, xShape.ElementCount), Uniform(c.Seed + 1, (int)pattern.NonZeros)], c.Seed);
        });

    [EoiProperty]
    public Property SparseConv2dMatchesMaskedDense() =>
        Prop.ForAll(Cases().ToArbitrary(), t =>
        {
            var (c, density) = t;
            using var scope = TensorScope.Begin();
            var pattern = RandomPattern(c.Seed, c.OutChannels, c.InChannels * c.Kernel * c.Kernel, density);
            var kernel = new CsrMatrix(pattern, Uniform(c.Seed + 1, (int)pattern.NonZeros));
            Shape xShape = [c.Batch, c.InChannels, c.Height, c.Width], wShape = [c.OutChannels, c.InChannels, c.Kernel, c.Kernel];
            var input = Uniform(c.Seed + 2, xShape.ElementCount);

            using var sparse = SparseConvWeight.FromCsr(Cpu, c.InChannels, c.Kernel, c.Kernel, kernel, ElementType.Float64);
            var xSparse = Leaf(xShape, input);
            var ySparse = xSparse.SparseConv2d(sparse, c.Stride, c.Padding, c.Mode);
            var outputGrad = Uniform(c.Seed + 3, ySparse.Count);
            ySparse.Backward(Tensor.FromArray(Cpu, ySparse.Shape, outputGrad));

            var denseWeight = Leaf(wShape, kernel.ToDense().Data.ToArray());
            var xDense = Leaf(xShape, input);
            var yDense = xDense.Conv2d(denseWeight, c.Stride, c.Padding, c.Mode);
            yDense.Backward(Tensor.FromArray(Cpu, yDense.Shape, outputGrad));

            AssertClose(yDense.ToArray<double>(), ySparse.ToArray<double>(), Float64Tolerance);
            AssertClose(xDense.Grad!.ToArray<double>(), xSparse.Grad!.ToArray<double>(), Float64Tolerance);
            var denseGrad = denseWeight.Grad!.ToArray<double>();
            var onPattern = new double[(int)pattern.NonZeros];
            for (int r = 0, p = 0; r < pattern.Rows; r++)
                for (int k = pattern.RowOffsets[r]; k < pattern.RowOffsets[r + 1]; k++)
                    onPattern[p++] = denseGrad[r * pattern.Cols + pattern.ColumnIndices[k]];
            AssertClose(onPattern, sparse.Values.Grad is { } g ? g.ToArray<double>() : [], Float64Tolerance);
        });

    /// <summary>A delta kernel (centre tap only) builds one im2col row per input channel, not k * k.</summary>
    [Fact]
    public void BuildsOnlyTheUsedPatchRows()
    {
        int channels = 4;
        var offsets = new int[channels + 1];
        var columns = new int[channels];
        for (int r = 0; r < channels; r++)
        {
            offsets[r + 1] = r + 1;
            columns[r] = r * 9 + 4; // (c = r, ki = 1, kj = 1)
        }
        var pattern = new SparsityPattern(channels, channels * 9, offsets, columns);
        using var weight = SparseConvWeight.FromCsr(Cpu, channels, 3, 3, new CsrMatrix(pattern, Uniform(1, channels)), ElementType.Float64);
        Assert.Equal(channels, weight.UsedPatchRows);
        Assert.Equal(pattern, weight.ToCsrMatrix().Pattern);
    }

    [Fact]
    public void RejectsAKernelOfTheWrongWidth()
    {
        var pattern = RandomPattern(1, 2, 10, 1);
        var error = Assert.Throws<EoiArgumentException>(() => SparseConvWeight.FromCsr(Cpu, 1, 3, 3, new CsrMatrix(pattern, Uniform(1, 20))));
        Assert.Contains("9", error.Message);
        Assert.Contains("10", error.Message);
    }

    static Gen<(ConvCase Case, double Density)> Cases() =>
        from c in ConvCases()
        from tenths in Gen.Choose(1, 10)
        select (c, tenths / 10.0);
}
