using Eoi.Orthogonal;
using Eoi.Random;
using Eoi.Sparsity.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Eoi.Sparsity.Tests;

/// <summary>FsCheck properties over random layer shapes, densities and keys; case count from EOI_PROPERTY_RUNS.</summary>
public class PropertyTests
{
    static readonly Gen<LayerSpec> Layer =
        from conv in ArbMap.Default.GeneratorFor<bool>()
        from o in Gen.Choose(1, 40)
        from i in Gen.Choose(1, 40)
        from k in Gen.Elements(1, 3, 5)
        select conv ? LayerSpec.Conv("c", o, i, k, k) : LayerSpec.Linear("l", o, i);

    static readonly Gen<double> Density = Gen.Choose(1, 1000).Select(x => x / 1000.0);
    static readonly Gen<ulong> Seed = Gen.Choose(0, int.MaxValue).Select(x => (ulong)x);

    [Fact]
    public void ErkDensitiesAreValidAndHitTheGlobalCount() =>
        Prop.ForAll(Gen.ListOf(Layer).Where(l => l.Count > 0).ToArbitrary(), Density.ToArbitrary(), (layers, d) =>
        {
            var densities = ErkMask.Densities(layers.ToArray(), d);
            double kept = layers.Select((l, i) => l.Count * densities[i]).Sum(), total = layers.Sum(l => (double)l.Count);
            return densities.All(x => x > 0 && x <= 1) && Math.Abs(kept - d * total) <= 1e-9 * total;
        }).Check(PropertyRuns.Config);

    [Fact]
    public void DenseOrthogonalMatricesAreOrthogonal() =>
        Prop.ForAll(Gen.Choose(1, 60).ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), Seed.ToArbitrary(), (rows, cols, seed) =>
            Orthogonality.Error(DenseOrthogonal.Matrix(rows, cols, RngKey.FromSeed(seed), 1.0), rows, cols) < 1e-12).Check(PropertyRuns.Config);

    [Fact]
    public void EoiLayersHaveTheAskedDensity() =>
        Prop.ForAll(Layer.ToArbitrary(), Density.ToArbitrary(), Seed.ToArbitrary(), (layer, d, seed) =>
        {
            var init = EoiInit.Initialize(layer, d, RngKey.FromSeed(seed), 1.0);
            double reachable = Math.Max(d, EoiInit.MinimumDensity(layer));
            if (layer.Kind == LayerKind.Linear)
                return Math.Abs(init.Density - reachable) <= 1.0 / Math.Max(layer.Out, layer.In) + 1e-12;
            long centre = init.Values.CountNonZero();
            return init.MaskCount == Math.Max(centre, DeltaOrthogonal.MaskTarget(reachable, layer.Count));
        }).Check(PropertyRuns.Config);

    [Fact]
    public void GlobalTopKKeepsExactlyKOfTheBest() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 5).Select(x => (double)x)).Where(a => a.Length > 0).ToArbitrary(), Seed.ToArbitrary(), (scores, seed) =>
        {
            int k = (int)(seed % (ulong)(scores.Length + 1));
            var keep = GlobalTopK.Keep([scores], k, RngKey.FromSeed(seed))[0];
            double worstKept = keep.Select((x, p) => x ? scores[p] : double.PositiveInfinity).Min();
            double bestDropped = keep.Select((x, p) => x ? double.NegativeInfinity : scores[p]).Max();
            return keep.Count(x => x) == k && worstKept >= bestDropped;
        }).Check(PropertyRuns.Config);
}
