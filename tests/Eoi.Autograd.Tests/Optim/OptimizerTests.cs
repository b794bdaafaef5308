using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests.Optim;

/// <summary>
/// Steps checked against PyTorch's update rules worked by hand. Every case starts at p = 1 with the constant
/// gradient 0.5 (the gradient of sum(0.5 p)) and learning rate 0.1; the arithmetic is in the comments.
/// </summary>
public class OptimizerTests
{
    /// <summary>The hand values are exact decimals; float64 reproduces them to a few ulps.</summary>
    const double Tolerance = 1e-12;

    [Fact]
    public void PlainSgd()
    {
        // p = 1 - 0.1 * 0.5 = 0.95, then 0.95 - 0.05 = 0.9.
        AssertSteps(p => new Sgd([p], new SgdHyperparameters(0.1)), [0.95, 0.9]);
    }

    [Fact]
    public void SgdWithMomentum()
    {
        // buf = 0.5, p = 1 - 0.05 = 0.95; buf = 0.9 * 0.5 + 0.5 = 0.95, p = 0.95 - 0.095 = 0.855.
        AssertSteps(p => new Sgd([p], new SgdHyperparameters(0.1, Momentum: 0.9)), [0.95, 0.855]);
    }

    [Fact]
    public void SgdWithNesterovAndWeightDecay()
    {
        // Step 1: g = 0.5 + 0.1 * 1 = 0.6; buf = 0.6; g = 0.6 + 0.9 * 0.6 = 1.14; p = 1 - 0.114 = 0.886.
        // Step 2: g = 0.5 + 0.1 * 0.886 = 0.5886; buf = 0.9 * 0.6 + 0.5886 = 1.1286;
        //         g = 0.5886 + 0.9 * 1.1286 = 1.60434; p = 0.886 - 0.160434 = 0.725566.
        AssertSteps(p => new Sgd([p], new SgdHyperparameters(0.1, Momentum: 0.9, WeightDecay: 0.1, Nesterov: true)), [0.886, 0.725566]);
    }

    [Fact]
    public void Adam()
    {
        // Step 1: m = 0.05, v = 0.00025; denominator = sqrt(0.00025) / sqrt(0.001) + 1e-8 = 0.5 + 1e-8;
        //         step size = 0.1 / (1 - 0.9) = 1; p = 1 - 0.05 / 0.50000001 = 0.900000002 (to 1e-17).
        // Step 2: m = 0.045 + 0.05 = 0.095, v = 0.00024975 + 0.00025 = 0.00049975, 1 - 0.999^2 = 0.001999,
        //         so v / 0.001999 = 0.25 and the denominator is again 0.5 + 1e-8; step size = 0.1 / 0.19,
        //         times 0.095 is 0.05: p = 0.900000002 - 0.05 / 0.50000001 = 0.800000004.
        AssertSteps(p => new Adam([p], new AdamHyperparameters(0.1)), [1 - 0.05 / 0.50000001, 1 - 0.1 / 0.50000001]);
    }

    [Fact]
    public void AdamWithWeightDecay()
    {
        // g = 0.5 + 0.1 * 1 = 0.6; m = 0.06, v = 0.00036; denominator = 0.6 + 1e-8; p = 1 - 0.06 / 0.60000001.
        AssertSteps(p => new Adam([p], new AdamHyperparameters(0.1, WeightDecay: 0.1)), [1 - 0.06 / 0.60000001]);
    }

    [Fact]
    public void MaskedEntriesStayExactlyZero()
    {
        // Momentum and weight decay would move every entry; the mask puts the masked one back to zero each step.
        var p = Tensor.FromArray(Cpu, [4], new[] { 1.0, 2.0, 0.0, 4.0 }, requiresGrad: true);
        var mask = Tensor.FromArray(Cpu, [4], new[] { 1.0, 1.0, 0.0, 1.0 });
        using var sgd = new Sgd([new TrainableParameter(p, mask)], new SgdHyperparameters(0.1, Momentum: 0.9, WeightDecay: 0.1, Nesterov: true));
        for (int step = 0; step < 3; step++)
        {
            sgd.ZeroGrad();
            p.Multiply(Tensor.FromArray(Cpu, [4], new[] { 0.5, -0.5, 0.7, 0.5 })).Sum().Backward();
            sgd.Step();
            Assert.Equal(0.0, p.ToArray<double>()[2]);
            Assert.All(p.ToArray<double>().Where((_, i) => i != 2), v => Assert.NotEqual(0.0, v));
        }
    }

    [Fact]
    public void ParametersWithoutGradientAreLeftAlone()
    {
        var used = Tensor.Full(Cpu, [1], 1, ElementType.Float64, requiresGrad: true);
        var unused = Tensor.Full(Cpu, [1], 1, ElementType.Float64, requiresGrad: true);
        using var sgd = new Sgd([used, unused], new SgdHyperparameters(0.1, Momentum: 0.9));
        used.Sum().Backward();
        sgd.Step();
        Assert.Equal(0.9, used.Item(), Tolerance);
        Assert.Equal(1.0, unused.Item());
    }

    [Fact]
    public void LearningRateCanBeScheduled()
    {
        var p = Tensor.Full(Cpu, [1], 1, ElementType.Float64, requiresGrad: true);
        using var sgd = new Sgd([p], new SgdHyperparameters(0.1));
        sgd.LearningRate = new MultiStepSchedule(0.1, [1]).At(1);
        p.Sum().Backward();
        sgd.Step();
        Assert.Equal(1 - 0.01, p.Item(), Tolerance);
        Assert.Throws<EoiArgumentException>(() => sgd.LearningRate = -1);
    }

    [Fact]
    public void RejectsNesterovWithoutMomentum()
    {
        var p = Tensor.Full(Cpu, [1], 1, ElementType.Float64, requiresGrad: true);
        var error = Assert.Throws<EoiArgumentException>(() => new Sgd([p], new SgdHyperparameters(0.1, Nesterov: true)));
        Assert.Equal("Momentum", error.ParameterName);
    }

    [Fact]
    public void RejectsParametersThatAreNotTrainableLeaves()
    {
        var constant = Tensor.Full(Cpu, [1], 1, ElementType.Float64);
        Assert.Throws<EoiArgumentException>(() => new Sgd([constant], new SgdHyperparameters(0.1)));
    }

    static void AssertSteps(Func<Tensor, Optimizer> create, double[] expected)
    {
        var p = Tensor.Full(Cpu, [1], 1, ElementType.Float64, requiresGrad: true);
        var half = Tensor.Full(Cpu, [1], 0.5, ElementType.Float64);
        using var optimizer = create(p);
        foreach (double value in expected)
        {
            optimizer.ZeroGrad();
            p.Multiply(half).Sum().Backward();
            optimizer.Step();
            Assert.Equal(value, p.Item(), Tolerance);
        }
    }
}
