using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class SaoTests
{
    [Theory]
    [InlineData(16, 4)]
    [InlineData(16, 2)]
    [InlineData(128, 16)]
    [InlineData(12, 12)]
    public void TanhSaoIsExactlyOrthogonalWithDegreeNonZerosPerRowAndColumn(int size, int degree)
    {
        var (w, support) = Sao.Matrix(size, degree, RngKey.FromSeed(1));
        Assert.True(Orthogonality.Error(w, size, size) < 1e-12);
        for (int i = 0; i < size; i++)
        {
            Assert.Equal(degree, Enumerable.Range(0, size).Count(j => support[i * size + j]));
            Assert.Equal(degree, Enumerable.Range(0, size).Count(j => support[j * size + i]));
        }
        Assert.Equal((double)degree / size, support.Count(x => x) / (double)(size * size));
        Assert.All(w.Select((x, p) => (x, p)), e => Assert.True(e.x == 0 || support[e.p]));
    }

    [Fact]
    public void ReluSaoIsTheLooksLinearLayoutOfAHalfSizeTanhSao()
    {
        const int size = 16, half = 8;
        var (w, support) = Sao.Matrix(size, 4, RngKey.FromSeed(2), SaoActivation.Relu);
        var topLeft = new double[half * half];
        for (int i = 0; i < half; i++)
            for (int j = 0; j < half; j++)
            {
                double v = w[i * size + j];
                topLeft[i * half + j] = v;
                Assert.Equal(-v, w[i * size + j + half]);
                Assert.Equal(-v, w[(i + half) * size + j]);
                Assert.Equal(v, w[(i + half) * size + j + half]);
            }
        Assert.True(Orthogonality.Error(topLeft, half, half) < 1e-12);
        Assert.All(Enumerable.Range(0, size), i => Assert.Equal(4, Enumerable.Range(0, size).Count(j => support[i * size + j])));
    }

    [Theory]
    [InlineData(16, 3, SaoActivation.Tanh)]
    [InlineData(16, 1, SaoActivation.Tanh)]
    [InlineData(16, 0, SaoActivation.Tanh)]
    [InlineData(16, 32, SaoActivation.Tanh)]
    [InlineData(16, -4, SaoActivation.Tanh)]
    [InlineData(16, 2, SaoActivation.Relu)]
    [InlineData(16, 6, SaoActivation.Relu)]
    [InlineData(15, 5, SaoActivation.Relu)]
    public void InvalidDegreesAreRejectedNamingDegree(int size, int degree, SaoActivation activation) =>
        Rejections.AssertRejected(() => Sao.Matrix(size, degree, RngKey.FromSeed(1), activation), "degree", $"got {degree}", $"{size}");

    [Fact]
    public void SquareLayersAreSparseTheOthersDenseOrthogonal()
    {
        var key = RngKey.FromSeed(3);
        var square = Sao.Initialize(LayerSpec.Linear("h", 32, 32), 8, key, InitScale.ThousandLayerWeightGain);
        Assert.Equal(0.25, square.Density);
        Assert.True(Orthogonality.Error(square.Values.Data, 32, 32, InitScale.ThousandLayerWeightGain) < 1e-12);

        var first = Sao.Initialize(LayerSpec.Linear("first", 32, 100), 8, key, 1.0);
        Assert.Equal(1.0, first.Density);
        Assert.True(Orthogonality.Error(first.Values.Data, 32, 100) < 1e-12);
    }

    [Fact]
    public void SparseConvsHoldSaoAtTheCentreAndOpenWholeKernels()
    {
        var layer = LayerSpec.Conv("c", 16, 16, 3, 3);
        var init = Sao.Initialize(layer, 4, RngKey.FromSeed(4), 1.0);
        Assert.Equal(16 * 4 * 9, init.MaskCount);
        var centre = Enumerable.Range(0, 16 * 16).Select(pair => init.Values.Data[pair * 9 + 4]).ToArray();
        Assert.True(Orthogonality.Error(centre, 16, 16) < 1e-12);
        for (int pair = 0; pair < 256; pair++)
        {
            bool open = init.Mask.Data[pair * 9] == 1;
            Assert.All(Enumerable.Range(0, 9), t => Assert.Equal(open ? 1.0 : 0.0, init.Mask.Data[pair * 9 + t]));
            Assert.All(Enumerable.Range(0, 9).Where(t => t != 4), t => Assert.Equal(0.0, init.Values.Data[pair * 9 + t]));
        }
        var image = Sao.Initialize(LayerSpec.Conv("c0", 16, 3, 3, 3), 4, RngKey.FromSeed(4), 1.0);
        Assert.Equal(1.0, image.Density);
    }
}
