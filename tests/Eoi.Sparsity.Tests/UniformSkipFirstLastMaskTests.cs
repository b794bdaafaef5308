using Eoi.Orthogonal;
using Eoi.Random;
using Eoi.Sparsity.Tests.Support;

namespace Eoi.Sparsity.Tests;

public class UniformSkipFirstLastMaskTests
{
    [Fact]
    public void ImageInputConvAndNonSquareLinearLayersStayDenseTheRestGetAnExactCount()
    {
        var layers = Networks.SmallCnn();
        var masks = new UniformSkipFirstLastMask().Select(layers, null, 0.1, RngKey.FromSeed(2));
        for (int l = 0; l < layers.Length; l++)
        {
            if (UniformSkipFirstLastMask.KeepsDense(layers[l]))
                Assert.Equal(layers[l].Count, masks.NonZeros(l));
            else
                Assert.Equal(DeltaOrthogonal.MaskTarget(0.1, layers[l].Count), masks.NonZeros(l));
        }
        Assert.Equal([true, false, false, false, true], layers.Select(UniformSkipFirstLastMask.KeepsDense).ToArray());
    }

    [Fact]
    public void PositionsDependOnTheKey()
    {
        var layers = Networks.SmallCnn();
        var method = new UniformSkipFirstLastMask();
        Assert.Equal(method.Select(layers, null, 0.3, RngKey.FromSeed(1)).Masks[1].Data, method.Select(layers, null, 0.3, RngKey.FromSeed(1)).Masks[1].Data);
        Assert.NotEqual(method.Select(layers, null, 0.3, RngKey.FromSeed(1)).Masks[1].Data.ToArray(), method.Select(layers, null, 0.3, RngKey.FromSeed(2)).Masks[1].Data.ToArray());
    }
}
