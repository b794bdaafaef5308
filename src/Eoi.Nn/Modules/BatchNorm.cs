using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Core;
using Eoi.Core.Backend;
using Eoi.Nn.Functional;

namespace Eoi.Nn.Modules;

/// <summary>
/// Batch normalisation over axis 1 of [batch, channels] (BatchNorm1d) or [batch, channels, h, w]
/// (BatchNorm2d), with PyTorch's defaults: gamma 1, beta 0, eps 1e-5, running averages with momentum 0.1 and
/// the unbiased batch variance. Training mode normalises with the batch statistics, evaluation mode with the
/// running ones. The running averages are kept in float64 on the host.
/// </summary>
public sealed class BatchNorm : Module
{
    public const double DefaultEpsilon = 1e-5;
    public const double DefaultMomentum = 0.1;

    readonly Parameter gamma, beta;
    readonly double[] runningMean, runningVariance;

    public BatchNorm(IBackend backend, int channels, ElementType elementType = ElementType.Float32)
    {
        Guard.Positive(channels, nameof(channels));
        Channels = channels;
        gamma = new Parameter(backend, elementType, [channels]);
        beta = new Parameter(backend, elementType, [channels]);
        gamma.Assign(Enumerable.Repeat(1.0, channels).ToArray());
        runningMean = new double[channels];
        runningVariance = Enumerable.Repeat(1.0, channels).ToArray();
    }

    public int Channels { get; }

    public override Tensor Forward(Tensor x)
    {
        if (!IsTraining)
            return x.BatchNormInference(gamma.Read(), beta.Read(), runningMean, runningVariance, DefaultEpsilon);
        var (y, statistics) = x.BatchNorm(gamma.Value, beta.Value, DefaultEpsilon);
        // As in PyTorch, every training-mode forward moves the running averages (mask scoring passes included).
        double unbias = statistics.SamplesPerChannel / Math.Max(1.0, statistics.SamplesPerChannel - 1);
        for (int c = 0; c < Channels; c++)
        {
            runningMean[c] = (1 - DefaultMomentum) * runningMean[c] + DefaultMomentum * statistics.Mean[c];
            runningVariance[c] = (1 - DefaultMomentum) * runningVariance[c] + DefaultMomentum * statistics.BiasedVariance[c] * unbias;
        }
        return y;
    }

    protected override IEnumerable<(string Name, TrainableParameter Parameter)> OwnParameters =>
        [("gamma", gamma.ToTrainable()), ("beta", beta.ToTrainable())];

    protected override void ExportOwnState(string prefix, IDictionary<string, NdArray> state)
    {
        var type = HostTensors.DTypeOf(gamma.ElementType);
        state[Join(prefix, "gamma")] = new NdArray([Channels], type, gamma.Read());
        state[Join(prefix, "beta")] = new NdArray([Channels], type, beta.Read());
        state[Join(prefix, "running_mean")] = new NdArray([Channels], DType.Float64, (double[])runningMean.Clone());
        state[Join(prefix, "running_var")] = new NdArray([Channels], DType.Float64, (double[])runningVariance.Clone());
    }

    protected override void ImportOwnState(string prefix, IReadOnlyDictionary<string, NdArray> state)
    {
        gamma.Assign(Entry(state, Join(prefix, "gamma"), [Channels]).Data);
        beta.Assign(Entry(state, Join(prefix, "beta"), [Channels]).Data);
        Entry(state, Join(prefix, "running_mean"), [Channels]).Data.CopyTo(runningMean, 0);
        Entry(state, Join(prefix, "running_var"), [Channels]).Data.CopyTo(runningVariance, 0);
    }

    public override void Dispose()
    {
        gamma.Dispose();
        beta.Dispose();
        base.Dispose();
    }
}
