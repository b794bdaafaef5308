using Eoi.Autograd;
using Eoi.Core;

namespace Eoi.Nn.Functional;

/// <summary>The batch statistics that training-mode batch normalisation used, for the running averages.</summary>
public sealed record BatchStatistics(double[] Mean, double[] BiasedVariance, int SamplesPerChannel);

/// <summary>
/// Batch normalisation (Ioffe and Szegedy 2015) over axis 1, composed from differentiable ops so that the
/// gradient flows through the batch mean and variance exactly as in PyTorch. The only step with no op,
/// 1/sqrt(var + eps) on a [channels] vector, goes through <see cref="ChannelOps.Pointwise"/>.
/// </summary>
public static class BatchNormOps
{
    /// <summary>Training mode: y = (x - mean) / sqrt(var + eps) * gamma + beta with the biased batch variance.</summary>
    public static (Tensor Output, BatchStatistics Statistics) BatchNorm(this Tensor x, Tensor gamma, Tensor beta, double epsilon)
    {
        Guard.NotNull(x, nameof(x));
        Guard.PositiveFinite(epsilon, nameof(epsilon));
        int perChannel = x.Shape[0] * x.Shape.ElementsFrom(2);
        var mean = x.ChannelSum().Scale(1.0 / perChannel);
        var centred = x.Add(mean.Scale(-1).BroadcastChannels(x.Shape));
        var variance = centred.Multiply(centred).ChannelSum().Scale(1.0 / perChannel);
        var inverseStd = variance.Pointwise(v => 1 / Math.Sqrt(v + epsilon), v => -0.5 * Math.Pow(v + epsilon, -1.5));
        // gamma / sqrt(var + eps) per channel first: one full-size product instead of two.
        var y = centred.Multiply(inverseStd.Multiply(gamma).BroadcastChannels(x.Shape)).AddBias(beta);
        return (y, new BatchStatistics(HostTensors.Read(mean), HostTensors.Read(variance), perChannel));
    }

    /// <summary>Evaluation mode: the affine map y = x * scale + shift of the running statistics.</summary>
    public static Tensor BatchNormInference(this Tensor x, ReadOnlySpan<double> gamma, ReadOnlySpan<double> beta,
                                            ReadOnlySpan<double> runningMean, ReadOnlySpan<double> runningVariance, double epsilon)
    {
        Guard.NotNull(x, nameof(x));
        int channels = gamma.Length;
        var scale = new double[channels];
        var shift = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            scale[c] = gamma[c] / Math.Sqrt(runningVariance[c] + epsilon);
            shift[c] = beta[c] - runningMean[c] * scale[c];
        }
        return x.Multiply(HostTensors.Constant(x, [channels], scale).BroadcastChannels(x.Shape))
            .AddBias(HostTensors.Constant(x, [channels], shift));
    }
}
