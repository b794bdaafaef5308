using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class DenseOrthogonalTests
{
    [Theory]
    [InlineData(7, 7, 1.0)]
    [InlineData(3, 11, 1.0)]
    [InlineData(11, 3, 1.0)]
    [InlineData(100, 784, 1.0)]
    [InlineData(64, 64, InitScale.ThousandLayerWeightGain)]
    public void IsOrthogonalOnTheShortSideTimesTheGain(int rows, int cols, double gain)
    {
        var w = DenseOrthogonal.Matrix(rows, cols, RngKey.FromSeed(1), gain);
        Assert.True(Orthogonality.Error(w, rows, cols, gain) < 1e-12);
    }

    [Fact]
    public void TheSignFixMakesTheQrUnique()
    {
        // Q R = A with R's diagonal positive: the first column of Q is the first Gaussian column, normalised.
        var gaussian = new NormalStream(RngKey.FromSeed(2)).Fill(5 * 3);
        var q = HouseholderQr.OrthonormalColumns(gaussian, 5, 3);
        double norm = Math.Sqrt(Enumerable.Range(0, 5).Sum(i => gaussian[i * 3] * gaussian[i * 3]));
        for (int i = 0; i < 5; i++)
            Assert.Equal(gaussian[i * 3] / norm, q[i * 3], 1e-14);
    }

    [Fact]
    public void LinearLayersGetTheMatrixAndAFullMask()
    {
        var layer = LayerSpec.Linear("fc", 6, 9);
        var init = DenseOrthogonal.Initialize(layer, RngKey.FromSeed(3), 1.0);
        Assert.Equal(DenseOrthogonal.Matrix(6, 9, RngKey.FromSeed(3), 1.0), init.Values.Data);
        Assert.Equal(1.0, init.Density);
    }
}
