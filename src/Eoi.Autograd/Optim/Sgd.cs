using Eoi.Core.Backend;

namespace Eoi.Autograd.Optim;

/// <summary>Stochastic gradient descent with PyTorch's momentum, Nesterov and weight-decay rules
/// (see <see cref="SgdHyperparameters"/>); the paper trains with momentum 0.9, Nesterov.</summary>
public sealed class Sgd : Optimizer
{
    SgdHyperparameters hyper;
    readonly DeviceBuffer?[] momentum;

    public Sgd(IEnumerable<TrainableParameter> parameters, SgdHyperparameters hyperparameters) : base(parameters)
    {
        hyperparameters.Validate();
        hyper = hyperparameters;
        momentum = new DeviceBuffer?[Parameters.Count];
    }

    public override double LearningRate
    {
        get => hyper.LearningRate;
        set
        {
            var changed = hyper with { LearningRate = value };
            changed.Validate();
            hyper = changed;
        }
    }

    protected override void Update(int index, DeviceBuffer value, DeviceBuffer grad)
    {
        bool firstStep = hyper.Momentum != 0 && momentum[index] is null;
        if (firstStep) momentum[index] = NewState(index);
        Parameters[index].Value.Backend.SgdStep(hyper, value, grad, momentum[index], firstStep);
    }

    public override void Dispose()
    {
        foreach (var buffer in momentum) buffer?.Dispose();
        Array.Clear(momentum);
    }
}
