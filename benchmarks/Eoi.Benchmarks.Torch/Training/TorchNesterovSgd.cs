using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Eoi.Benchmarks.Torch.Training;

/// <summary>
/// torch.optim.SGD's update (momentum, Nesterov, weight decay, no dampening), op for op as TorchSharp's
/// <c>SGD.step</c> writes it in C#, but with every scalar, the implicit alpha of 1 included, created once. TorchSharp's step converts each double to
/// a temporary finalizable <c>Scalar</c> that nothing keeps alive across the native call; under GC pressure the
/// finalizer frees it mid-call and libtorch fails ("Expected false to be true" in Scalar::toFloat), which
/// happened on most 7-layer runs here. Holding the scalars also spares torch those allocations.
/// </summary>
sealed class TorchNesterovSgd : IDisposable
{
    readonly Parameter[] parameters;
    readonly Tensor?[] momentum;
    readonly Scalar one = 1.0.ToScalar();
    readonly Scalar weightDecay = StepSetup.WeightDecay.ToScalar();
    readonly Scalar beta = StepSetup.Momentum.ToScalar();
    readonly Scalar negativeLearningRate = (-StepSetup.LearningRate).ToScalar();

    public TorchNesterovSgd(IEnumerable<Parameter> parameters)
    {
        this.parameters = [.. parameters];
        momentum = new Tensor?[this.parameters.Length];
    }

    public void Step()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (p.grad is not { } grad) continue;
            var g = grad.add(p, alpha: weightDecay);
            if (momentum[i] is { } buffer) buffer.mul_(beta).add_(g, alpha: one);
            else momentum[i] = buffer = g.clone().detach().DetachFromDisposeScope();
            p.add_(g.add(buffer, alpha: beta), alpha: negativeLearningRate);
        }
    }

    public void Dispose()
    {
        foreach (var buffer in momentum) buffer?.Dispose();
        one.Dispose();
        weightDecay.Dispose();
        beta.Dispose();
        negativeLearningRate.Dispose();
    }
}
