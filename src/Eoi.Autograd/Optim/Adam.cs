using Eoi.Backends;

namespace Eoi.Autograd.Optim;

/// <summary>Adam with PyTorch's bias corrections and L2 weight decay (see <see cref="AdamHyperparameters"/>).
/// Each parameter counts its own steps, so one skipped for lack of a gradient is corrected by its own count.</summary>
public sealed class Adam : Optimizer
{
    AdamHyperparameters hyper;
    readonly (DeviceBuffer First, DeviceBuffer Second)?[] moments;
    readonly int[] steps;

    public Adam(IEnumerable<TrainableParameter> parameters, AdamHyperparameters hyperparameters) : base(parameters)
    {
        hyperparameters.Validate();
        hyper = hyperparameters;
        moments = new (DeviceBuffer, DeviceBuffer)?[Parameters.Count];
        steps = new int[Parameters.Count];
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
        var (first, second) = moments[index] ??= (NewState(index), NewState(index));
        Parameters[index].Value.Backend.AdamStep(hyper, ++steps[index], value, grad, first, second);
    }

    public override void Dispose()
    {
        foreach (var pair in moments)
            if (pair is var (first, second))
            {
                first.Dispose();
                second.Dispose();
            }
        Array.Clear(moments);
    }
}
