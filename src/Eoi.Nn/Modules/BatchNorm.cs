using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Functional;

namespace Eoi.Nn.Modules;

/// <summary>
/// Batch normalisation over axis 1 of [batch, channels] (BatchNorm1d) or [batch, channels, h, w]
/// (BatchNorm2d), with PyTorch's defaults: gamma 1, beta 0, eps 1e-5, running averages with momentum 0.1 and
/// the unbiased batch variance. Training mode normalises with the batch statistics, evaluation mode with the
/// running ones. The running averages are [channels] tensors of the module's element type in its backend (as
/// PyTorch keeps them), updated there after every training-mode forward, so a step reads nothing back.
/// </summary>
public sealed class BatchNorm : Module
{
    public const double DefaultEpsilon = 1e-5;
    public const double DefaultMomentum = 0.1;

    readonly Parameter gamma, beta;
    readonly IBackend backend;
    readonly ElementType elementType;
    Tensor runningMean, runningVariance;

    public BatchNorm(IBackend backend, int channels, ElementType elementType = ElementType.Float32)
    {
        Guard.Positive(channels, nameof(channels));
        Channels = channels;
        gamma = new Parameter(backend, elementType, [channels]);
        beta = new Parameter(backend, elementType, [channels]);
        gamma.Assign(Enumerable.Repeat(1.0, channels).ToArray());
        this.backend = backend;
        this.elementType = elementType;
        runningMean = Tensor.Zeros(backend, [channels], elementType);
        runningVariance = Tensor.Full(backend, [channels], 1, elementType);
    }

    public int Channels { get; }

    public override Tensor Forward(Tensor x)
    {
        if (!IsTraining)
            return x.BatchNormInference(gamma.Value, beta.Value, runningMean, runningVariance, DefaultEpsilon);
        var (y, statistics) = x.BatchNorm(gamma.Value, beta.Value, DefaultEpsilon);
        // As in PyTorch, every training-mode forward moves the running averages (mask scoring passes included).
        double unbias = statistics.SamplesPerChannel / Math.Max(1.0, statistics.SamplesPerChannel - 1);
        MoveAverage(runningMean, statistics.Mean, DefaultMomentum);
        MoveAverage(runningVariance, statistics.BiasedVariance, DefaultMomentum * unbias);
        return y;
    }

    /// <summary>running = (1 - momentum) running + weight batch, in place on the device.</summary>
    static void MoveAverage(Tensor running, Tensor batch, double weight)
    {
        running.Backend.Scale(1 - DefaultMomentum, running.Buffer, running.Buffer);
        running.Backend.Axpy(weight, batch.Buffer, running.Buffer);
    }

    protected override IEnumerable<(string Name, TrainableParameter Parameter)> OwnParameters =>
        [("gamma", gamma.ToTrainable()), ("beta", beta.ToTrainable())];

    protected override void ExportOwnState(string prefix, IDictionary<string, NdArray> state)
    {
        var type = HostTensors.ElementTypeOf(gamma.ElementType);
        state[Join(prefix, "gamma")] = new NdArray([Channels], type, gamma.Read());
        state[Join(prefix, "beta")] = new NdArray([Channels], type, beta.Read());
        state[Join(prefix, "running_mean")] = new NdArray([Channels], type, HostTensors.Read(runningMean));
        state[Join(prefix, "running_var")] = new NdArray([Channels], type, HostTensors.Read(runningVariance));
    }

    protected override void ImportOwnState(string prefix, IReadOnlyDictionary<string, NdArray> state)
    {
        gamma.Assign(Entry(state, Join(prefix, "gamma"), [Channels]).Data);
        beta.Assign(Entry(state, Join(prefix, "beta"), [Channels]).Data);
        var mean = Entry(state, Join(prefix, "running_mean"), [Channels]).Data;
        var variance = Entry(state, Join(prefix, "running_var"), [Channels]).Data;
        runningMean.Dispose();
        runningMean = HostTensors.Upload(backend, elementType, [Channels], mean);
        runningVariance.Dispose();
        runningVariance = HostTensors.Upload(backend, elementType, [Channels], variance);
    }

    public override void Dispose()
    {
        gamma.Dispose();
        beta.Dispose();
        runningMean.Dispose();
        runningVariance.Dispose();
        base.Dispose();
    }
}
