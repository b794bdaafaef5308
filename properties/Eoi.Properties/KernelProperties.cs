using Eoi.Orthogonal;
using Eoi.Orthogonal.Testing;

namespace Eoi.Properties;

public class KernelProperties
{
    [Fact]
    public void KernelIsDeltaOrthogonal() =>
        PropertyRuns.Check(Generators.Kernels(), c =>
        {
            var kernel = c.Generate();
            var shape = c.Shape;
            var centre = kernel.Centre.ToDense().Data;
            int taps = shape.Height * shape.Width, centreTap = shape.Height / 2 * shape.Width + shape.Width / 2;
            for (int flat = 0; flat < kernel.Values.Data.Length; flat++)
            {
                double expected = flat % taps == centreTap ? centre[flat / taps] : 0.0;
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(kernel.Values.Data[flat]));
            }
            double error = OrthogonalityError.Of(kernel.Centre.Weights, c.Gain);
            Assert.True(error <= OrthogonalityError.Bound(kernel.Centre.Plan.Rotations.Count, c.Gain), $"centre error {error:E3}");
        });

    [Fact]
    public void MaskHasTheRequestedDensity() =>
        PropertyRuns.Check(Generators.Kernels(), c =>
        {
            var kernel = c.Generate();
            long budget = (long)Math.Round(c.Density * c.Shape.Count, MidpointRounding.ToEven);
            long expected = c.Density == 1.0 ? c.Shape.Count : Math.Max(kernel.Centre.Plan.NonZeros, budget);
            Assert.Equal(expected, kernel.MaskCount);
            for (int flat = 0; flat < kernel.Values.Data.Length; flat++)
                Assert.True(kernel.Mask.Data[flat] == 1.0 || (kernel.Mask.Data[flat] == 0.0 && kernel.Values.Data[flat] == 0.0));

            double asked = DeltaOrthogonal.CentreDensityFor(c.Density, c.Shape.Height, c.Shape.Width, c.Rule);
            Assert.Equal(Math.Max(asked, SparseOrthogonal.MinimumDensity(c.Shape.Out, c.Shape.In)), kernel.CentreDensity);
        });
}
