using Eoi.Core;
using Eoi.Core.Backend;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests.Gradients;

public class SparseGradientTests
{
    [EoiProperty]
    public void SparseLinear(Dim batch, Dim outFeatures, Dim inFeatures, Density density, int seed)
    {
        var pattern = RandomPattern(seed, outFeatures, inFeatures, density.Value);
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf([batch, inFeatures], v[0]);
            var w = SparseParameter.FromCsr(Cpu, new CsrMatrix(pattern, v[1]), ElementType.Float64);
            return (x.SparseLinear(w), [x, w.Values]);
        }, [Uniform(seed, batch * inFeatures), Uniform(seed + 1, (int)pattern.NonZeros)], seed);
    }

    /// <summary>The same layer on [inFeatures, batch] activations: no transposes, so its own backward rule.</summary>
    [EoiProperty]
    public void SparseLinearFeatureMajor(Dim batch, Dim outFeatures, Dim inFeatures, Density density, int seed)
    {
        var pattern = RandomPattern(seed, outFeatures, inFeatures, density.Value);
        GradientCheck.AssertGradients(v =>
        {
            var xT = Leaf([inFeatures, batch], v[0]);
            var w = SparseParameter.FromCsr(Cpu, new CsrMatrix(pattern, v[1]), ElementType.Float64);
            return (xT.SparseLinearFeatureMajor(w), [xT, w.Values]);
        }, [Uniform(seed, batch * inFeatures), Uniform(seed + 1, (int)pattern.NonZeros)], seed);
    }
}
