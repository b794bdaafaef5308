using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Modules;
using Eoi.Nn.Training;

namespace Eoi.Benchmarks.Torch.Training;

/// <summary>One step exactly as <see cref="Trainer"/> runs it (its epoch loop has no single-step entry): upload
/// the batch, forward, cross-entropy, read the loss, backward, Nesterov SGD (masks re-applied), zero the gradients.</summary>
sealed class EoiTrainingStep : IDisposable
{
    readonly Sequential model;
    readonly IBackend backend;
    readonly Sgd optimizer;
    readonly float[] inputs = StepSetup.Inputs();
    readonly int[] labels = StepSetup.Labels();
    readonly Shape inputShape = new([StepSetup.BatchSize, StepSetup.Features]);

    public EoiTrainingStep(Sequential model)
    {
        this.model = model;
        var parameters = model.Parameters();
        backend = parameters[0].Parameter.Value.Backend;
        optimizer = new Sgd(parameters.Select(p => p.Parameter), StepSetup.Sgd);
        model.SetTraining(true);
    }

    public double Run()
    {
        using var scope = TensorScope.Begin();
        using var targets = ClassLabels.FromArray(backend, labels, StepSetup.Classes);
        var loss = model.Forward(Tensor.FromArray(backend, inputShape, inputs)).CrossEntropy(targets);
        double value = loss.Item();
        loss.Backward();
        optimizer.Step();
        optimizer.ZeroGrad();
        return value;
    }

    public void Dispose()
    {
        optimizer.Dispose();
        model.Dispose();
    }
}
