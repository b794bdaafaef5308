using Eoi.Backends;
using Eoi.Core;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests;

/// <summary>The CSR layer computes what a dense layer with a masked weight computes, values and gradients.</summary>
public class SparseLinearTests
{
    /// <summary>Float64: the two paths sum at most 12 products of values in [-1, 1] in different orders, so they
    /// may differ by a few ulps of 12, about 1e-14; 1e-12 leaves room and still catches any misplaced entry.</summary>
    const double Float64Tolerance = 1e-12;

    /// <summary>Float32: the same few ulps at eps = 1.2e-7 give ~1e-5 on sums up to 12.</summary>
    const double Float32Tolerance = 1e-5;

    [EoiProperty]
    public void MatchesMaskedDenseInFloat64(Width batch, Width outFeatures, Width inFeatures, Density density, int seed) =>
        Compare(batch, outFeatures, inFeatures, density.Value, seed, ElementType.Float64, Float64Tolerance);

    [EoiProperty]
    public void MatchesMaskedDenseInFloat32(Width batch, Width outFeatures, Width inFeatures, Density density, int seed) =>
        Compare(batch, outFeatures, inFeatures, density.Value, seed, ElementType.Float32, Float32Tolerance);

    static void Compare(int batch, int outFeatures, int inFeatures, double density, int seed, ElementType type, double tolerance)
    {
        using var scope = TensorScope.Begin();
        var pattern = RandomPattern(seed, outFeatures, inFeatures, density);
        var weight = new CsrMatrix(pattern, Uniform(seed + 1, (int)pattern.NonZeros));
        var input = Uniform(seed + 2, batch * inFeatures);
        var outputGrad = Uniform(seed + 3, batch * outFeatures);

        using var sparse = SparseParameter.FromCsr(Cpu, weight, type);
        var xSparse = Make([batch, inFeatures], input, type, requiresGrad: true);
        var ySparse = xSparse.SparseLinear(sparse);
        ySparse.Backward(Make(ySparse.Shape, outputGrad, type, requiresGrad: false));

        var denseWeight = Make([outFeatures, inFeatures], weight.ToDense().Data.ToArray(), type, requiresGrad: true);
        var mask = Make([outFeatures, inFeatures], pattern.ToDenseMask().Data.ToArray(), type, requiresGrad: false);
        var xDense = Make([batch, inFeatures], input, type, requiresGrad: true);
        var yDense = xDense.MatMul(denseWeight.Multiply(mask), transposeB: true);
        yDense.Backward(Make(yDense.Shape, outputGrad, type, requiresGrad: false));

        AssertClose(Values(yDense), Values(ySparse), tolerance);
        AssertClose(Values(xDense.Grad!), Values(xSparse.Grad!), tolerance);
        var denseWeightGrad = Values(denseWeight.Grad!);
        var sparseWeightGrad = sparse.Values.Grad is { } g ? Values(g) : [];
        var onPattern = new double[pattern.NonZeros];
        for (int r = 0, p = 0; r < outFeatures; r++)
            for (int c = 0; c < inFeatures; c++)
                if (pattern.Contains(r, c)) onPattern[p++] = denseWeightGrad[r * inFeatures + c];
                else Assert.Equal(0.0, denseWeightGrad[r * inFeatures + c]);
        AssertClose(onPattern, sparseWeightGrad, tolerance);
    }

    [Fact]
    public void RoundTripsTheWeight()
    {
        var pattern = RandomPattern(3, 5, 7, 0.4);
        var weight = new CsrMatrix(pattern, Uniform(4, (int)pattern.NonZeros));
        using var parameter = SparseParameter.FromCsr(Cpu, weight, ElementType.Float64);
        Assert.Equal(weight.Values, parameter.ToCsrMatrix().Values);
        Assert.Same(pattern, parameter.ToCsrMatrix().Pattern);
        Assert.Equal((5, 7), (parameter.OutFeatures, parameter.InFeatures));
    }

    [Fact]
    public void RejectsInputOfTheWrongWidth()
    {
        using var parameter = SparseParameter.FromCsr(Cpu, new CsrMatrix(RandomPattern(1, 3, 4, 1), Uniform(1, 12)), ElementType.Float64);
        var x = Tensor.Zeros(Cpu, [2, 5], ElementType.Float64);
        var error = Assert.Throws<EoiArgumentException>(() => x.SparseLinear(parameter));
        Assert.Contains("[2, 5]", error.Message);
        Assert.Contains("4", error.Message);
    }

    static Tensor Make(Shape shape, double[] values, ElementType type, bool requiresGrad) =>
        type == ElementType.Float64
            ? Tensor.FromArray(Cpu, shape, values, requiresGrad)
            : Tensor.FromArray(Cpu, shape, Array.ConvertAll(values, v => (float)v), requiresGrad);

    static double[] Values(Tensor t) =>
        t.ElementType == ElementType.Float64 ? t.ToArray<double>() : Array.ConvertAll(t.ToArray<float>(), v => (double)v);

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: masked dense {expected[i]:R}, sparse {actual[i]:R}");
    }
}
