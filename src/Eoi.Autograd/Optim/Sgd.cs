using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd.Optim;

/// <summary>Stochastic gradient descent with PyTorch's momentum, Nesterov and weight-decay rules
/// (see <see cref="SgdHyperparameters"/>); the paper trains with momentum 0.9, Nesterov. The momentum buffers
/// can be exported and imported, so a resumed run continues with the very bits it stopped with.</summary>
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

    /// <summary>Each parameter's momentum buffer as float64 (float32 widens exactly, so nothing is lost); null for
    /// one that has not stepped yet, or for every parameter when momentum is 0.</summary>
    public IReadOnlyList<double[]?> ExportMomentum() =>
        [.. momentum.Select((buffer, i) => buffer is null ? null : Download(Parameters[i].Value.Backend, buffer))];

    /// <summary>Restores what <see cref="ExportMomentum"/> gave, one entry per parameter: one with a buffer
    /// continues as after a step, one with null takes its next step as its first.</summary>
    public void ImportMomentum(IReadOnlyList<double[]?> buffers)
    {
        Guard.NotNull(buffers, nameof(buffers));
        if (buffers.Count != Parameters.Count)
            throw new EoiArgumentException(nameof(buffers), $"buffers must hold one entry per parameter ({Parameters.Count}); got {buffers.Count}");
        for (int i = 0; i < buffers.Count; i++)
            if (buffers[i] is { } values && values.Length != Parameters[i].Value.Count)
                throw new EoiArgumentException(nameof(buffers), $"buffers[{i}] must hold {Parameters[i].Value.Count} values; got {values.Length}");
        for (int i = 0; i < buffers.Count; i++)
        {
            momentum[i]?.Dispose();
            momentum[i] = buffers[i] is { } values ? Upload(i, values) : null;
        }
    }

    DeviceBuffer Upload(int index, double[] values)
    {
        var parameter = Parameters[index].Value;
        var buffer = NewState(index);
        if (parameter.ElementType == ElementType.Float32) parameter.Backend.Upload<float>(Array.ConvertAll(values, v => (float)v), buffer);
        else parameter.Backend.Upload<double>(values, buffer);
        return buffer;
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
