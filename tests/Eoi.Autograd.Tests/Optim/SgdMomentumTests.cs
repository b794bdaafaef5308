using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests.Optim;

/// <summary>Sgd's momentum export and import: what a checkpoint needs to continue a run with the same bits.</summary>
public class SgdMomentumTests
{
    static readonly SgdHyperparameters Nesterov = new(0.1, Momentum: 0.9, WeightDecay: 1e-3, Nesterov: true);

    [Fact]
    public void Steps_after_an_import_match_an_uninterrupted_run_bit_for_bit()
    {
        // float32, so the export's widening to float64 and the import's narrowing back are exercised.
        var start = Array.ConvertAll(Uniform(1, 6), v => (float)v);
        var whole = Tensor.FromArray(Cpu, [6], start, requiresGrad: true);
        using var uninterrupted = new Sgd([whole], Nesterov);
        Train(uninterrupted, whole, steps: 4);

        var first = Tensor.FromArray(Cpu, [6], start, requiresGrad: true);
        IReadOnlyList<double[]?> saved;
        using (var before = new Sgd([first], Nesterov))
        {
            Train(before, first, steps: 2);
            saved = before.ExportMomentum();
        }
        var second = Tensor.FromArray(Cpu, [6], first.ToArray<float>(), requiresGrad: true);
        using var after = new Sgd([second], Nesterov);
        after.ImportMomentum(saved);
        Train(after, second, steps: 2, firstStep: 2);

        Assert.Equal(whole.ToArray<float>(), second.ToArray<float>());
    }

    [Fact]
    public void A_parameter_that_has_not_stepped_exports_null_and_imports_as_fresh()
    {
        var used = Leaf([2], [1.0, 2.0]);
        var unused = Leaf([1], [3.0]);
        using var sgd = new Sgd([used, unused], Nesterov);
        Assert.All(sgd.ExportMomentum(), Assert.Null);

        used.Sum().Backward();
        sgd.Step();
        var exported = sgd.ExportMomentum();

        // The first Nesterov step sets buf = g = 1 + 1e-3 p.
        Assert.Equal([1 + 1e-3 * 1.0, 1 + 1e-3 * 2.0], exported[0]!);
        Assert.Null(exported[1]);
        sgd.ImportMomentum([null, null]);
        Assert.All(sgd.ExportMomentum(), Assert.Null);
    }

    [Fact]
    public void Import_rejects_a_wrong_count_or_length()
    {
        using var sgd = new Sgd([Leaf([2], [1.0, 2.0])], Nesterov);

        var count = Assert.Throws<EoiArgumentException>(() => sgd.ImportMomentum([null, null]));
        Assert.Contains("one entry per parameter (1); got 2", count.Message);
        var length = Assert.Throws<EoiArgumentException>(() => sgd.ImportMomentum([new double[3]]));
        Assert.Contains("buffers[0] must hold 2 values; got 3", length.Message);
    }

    /// <summary>Steps on the loss sum(c * p) with a gradient c that changes each step, so momentum matters.</summary>
    static void Train(Sgd sgd, Tensor p, int steps, int firstStep = 0)
    {
        for (int step = firstStep; step < firstStep + steps; step++)
        {
            sgd.ZeroGrad();
            var c = Tensor.FromArray(Cpu, [6], Array.ConvertAll(Uniform(100 + step, 6), v => (float)v));
            p.Multiply(c).Sum().Backward();
            sgd.Step();
        }
    }
}
