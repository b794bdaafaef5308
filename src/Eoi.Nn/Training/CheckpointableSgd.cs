using Eoi.Autograd.Optim;
using Eoi.Core;
using Eoi.Core.Backend;

namespace Eoi.Nn.Training;

/// <summary>
/// SGD with PyTorch's momentum, Nesterov and weight-decay rules (the backend's SgdStep, masks re-applied by
/// <see cref="Optimizer.Step"/>), whose momentum buffers can be saved and restored: a resumed run must
/// continue with the very bits it stopped with. Eoi.Autograd's Sgd keeps its buffers private, hence this class.
/// </summary>
public sealed class CheckpointableSgd : Optimizer
{
    SgdHyperparameters hyper;
    readonly DeviceBuffer?[] momentum;

    public CheckpointableSgd(IEnumerable<TrainableParameter> parameters, SgdHyperparameters hyperparameters) : base(parameters)
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

    /// <summary>Each parameter's momentum buffer, widened to float64; null for one that has not stepped yet.</summary>
    public double[]?[] ExportMomentum()
    {
        var result = new double[]?[momentum.Length];
        for (int i = 0; i < momentum.Length; i++)
            if (momentum[i] is { } buffer) result[i] = Download(Parameters[i].Value.Backend, buffer);
        return result;
    }

    /// <summary>Restores what <see cref="ExportMomentum"/> gave; a parameter with a buffer continues as after a step.</summary>
    public void ImportMomentum(IReadOnlyList<double[]?> buffers)
    {
        Guard.NotNull(buffers, nameof(buffers));
        if (buffers.Count != Parameters.Count)
            throw new EoiArgumentException(nameof(buffers), $"buffers must hold one entry per parameter ({Parameters.Count}); got {buffers.Count}");
        for (int i = 0; i < buffers.Count; i++)
        {
            momentum[i]?.Dispose();
            momentum[i] = null;
            if (buffers[i] is not { } values) continue;
            var parameter = Parameters[i].Value;
            if (values.Length != parameter.Count)
                throw new EoiArgumentException(nameof(buffers), $"momentum {i} must hold {parameter.Count} values; got {values.Length}");
            var buffer = NewState(i);
            if (parameter.ElementType == ElementType.Float32) parameter.Backend.Upload<float>(Array.ConvertAll(values, v => (float)v), buffer);
            else parameter.Backend.Upload<double>(values, buffer);
            momentum[i] = buffer;
        }
    }

    static double[] Download(IBackend backend, DeviceBuffer buffer)
    {
        if (buffer.ElementType == ElementType.Float64)
        {
            var values = new double[buffer.Length];
            backend.Download<double>(buffer, values);
            return values;
        }
        var singles = new float[buffer.Length];
        backend.Download<float>(buffer, singles);
        return Array.ConvertAll(singles, v => (double)v);
    }

    public override void Dispose()
    {
        foreach (var buffer in momentum) buffer?.Dispose();
        Array.Clear(momentum);
    }
}
