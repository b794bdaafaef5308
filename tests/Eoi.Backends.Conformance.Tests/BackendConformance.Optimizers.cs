using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

// SGD and Adam steps, each checked against the reference step taken from the state the backend held before it.
public abstract partial class BackendConformance
{
    const int Steps = 3, Parameters = 50;

    public static TheoryData<ElementType, double, bool, double> SgdCases()
    {
        var data = new TheoryData<ElementType, double, bool, double>();
        foreach (var type in new[] { ElementType.Float32, ElementType.Float64 })
            foreach (var (momentum, nesterov, decay) in new[] { (0.0, false, 0.0), (0.0, false, 1e-2), (0.9, false, 0.0), (0.9, true, 1e-4) })
                data.Add(type, momentum, nesterov, decay);
        return data;
    }

    [Theory, MemberData(nameof(SgdCases))]
    public void SgdStep_matches_the_reference(ElementType type, double momentum, bool nesterov, double weightDecay)
    {
        var hyper = new SgdHyperparameters(0.05, momentum, weightDecay, nesterov);
        var parameter = Upload(type, Inputs.Uniform(51, Parameters)).Buffer;
        var buffer = momentum == 0 ? null : Zeros(type, Parameters);
        double u = Tolerances.UnitRoundoff(type);
        for (int step = 0; step < Steps; step++)
        {
            var grad = Upload(type, Inputs.Uniform(52 + step, Parameters));
            double[] before = Read(parameter), bufferBefore = buffer is null ? new double[Parameters] : Read(buffer);
            var (expected, expectedBuffer) = OptimizerReference.Sgd(hyper, before, grad.Values, bufferBefore, step == 0, v => Inputs.Round(type, v), u);
            Backend.SgdStep(hyper, parameter, grad.Buffer, buffer, firstStep: step == 0);
            expected.Check(Read(parameter), $"parameter after step {step + 1}");
            if (buffer is not null) expectedBuffer.Check(Read(buffer), $"momentum after step {step + 1}");
        }
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void AdamStep_matches_the_reference(ElementType type)
    {
        foreach (double decay in new[] { 0.0, 1e-2 })
        {
            var hyper = new AdamHyperparameters(1e-2, WeightDecay: decay);
            var parameter = Upload(type, Inputs.Uniform(61, Parameters)).Buffer;
            var (first, second) = (Zeros(type, Parameters), Zeros(type, Parameters));
            double u = Tolerances.UnitRoundoff(type);
            for (int step = 1; step <= Steps; step++)
            {
                var grad = Upload(type, Inputs.Uniform(62 + step, Parameters));
                var (expected, expectedFirst, expectedSecond) = OptimizerReference.Adam(hyper, step, Read(parameter), grad.Values, Read(first), Read(second),
                    v => Inputs.Round(type, v), u);
                Backend.AdamStep(hyper, step, parameter, grad.Buffer, first, second);
                expected.Check(Read(parameter), $"parameter after step {step} (decay {decay})");
                expectedFirst.Check(Read(first), $"first moment after step {step}");
                expectedSecond.Check(Read(second), $"second moment after step {step}");
            }
        }
    }
}
