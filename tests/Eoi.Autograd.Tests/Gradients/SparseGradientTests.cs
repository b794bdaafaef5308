using Eoi.Backends;
using Eoi.Core;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests.Gradients;

public class SparseGradientTests
{
    /// <summary>On [batch, inFeatures] (two transposes each way) and feature-major on [inFeatures, batch]
    /// (no transposes: its own backward rule).</summary>
    [EoiProperty]
    public void SparseLinear(Dim batch, Dim outFeatures, Dim inFeatures, Density density, bool featureMajor, int seed)
    {
        var pattern = RandomPattern(seed, outFeatures, inFeatures, density.Value);
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf(featureMajor ? [inFeatures, batch] : [batch, inFeatures], v[0]);
            var w = SparseParameter.FromCsr(Cpu, new CsrMatrix(pattern, v[1]), ElementType.Float64);
            return (featureMajor ? x.SparseLinearFeatureMajor(w) : x.SparseLinear(w), [x, w.Values]);
        }, [Uniform(seed, batch * inFeatures), Uniform(seed + 1, (int)pattern.NonZeros)], seed);
    }
}
