using Eoi.Checker;
using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class ConvOrthogonalTests
{
    // The checker's bound is written for k Givens rotations (8 sqrt(k + 1) eps); a block-orthogonal kernel is a
    // chain of QR factors and n x n products instead, so it is judged at the bound of 10,000 rotations (1.8e-13).
    static readonly CheckOptions Options = new() { Rotations = 10_000 };

    [Theory]
    [InlineData(8, 8, 3, 3)]
    [InlineData(4, 8, 3, 3)]
    [InlineData(8, 4, 3, 3)]
    [InlineData(6, 6, 1, 1)]
    [InlineData(5, 5, 5, 5)]
    [InlineData(4, 6, 3, 5)]
    [InlineData(16, 3, 3, 3)]
    public void SatisfiesXiaosDeltaConditionForEveryShift(int o, int i, int kh, int kw)
    {
        foreach (double gain in new[] { 1.0, InitScale.ThousandLayerWeightGain })
        {
            var init = ConvOrthogonal.Initialize(LayerSpec.Conv("c", o, i, kh, kw), RngKey.FromSeed(7), gain);
            var item = Orthogonality.KernelItem(init.Values, "delta condition", Options with { Gain = gain });
            Assert.True(item.Verdict == Verdict.Pass, $"{item.Measured} vs {item.Limit}");
        }
    }

    [Fact]
    public void IsNotADeltaKernel()
    {
        var init = ConvOrthogonal.Initialize(LayerSpec.Conv("c", 8, 8, 3, 3), RngKey.FromSeed(2), 1.0);
        var centre = Orthogonality.KernelItem(init.Values, "non-zeros off the centre tap", Options);
        Assert.NotEqual("0", centre.Measured);
    }

    [Fact]
    public void TheFlattenedKernelOfAWideLayerIsRowOrthogonal()
    {
        // The zero-shift delta condition is sum_t K_t K_t^T = I, i.e. W W^T = I for W flattened to out x (in k k).
        var layer = LayerSpec.Conv("c", 6, 10, 3, 3);
        var init = ConvOrthogonal.Initialize(layer, RngKey.FromSeed(5), 1.0);
        Assert.True(Orthogonality.Error(init.Values.Data, layer.Out, layer.FanIn) < 1e-13);
    }
}
