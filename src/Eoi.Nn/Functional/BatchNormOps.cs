using Eoi.Autograd;
using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Nn.Functional;

/// <summary>The batch moments that training-mode batch normalisation used, for the running averages: [channels]
/// tensors in the open scope, never read back to the host by the training step.</summary>
public sealed record BatchStatistics(Tensor Mean, Tensor BiasedVariance, int SamplesPerChannel);

/// <summary>
/// Batch normalisation (Ioffe and Szegedy 2015) over axis 1 of [batch, channels, ...], an autograd operation
/// defined here with the autograd's public op API: the forward and backward are the backend's
/// <see cref="IBackend.ChannelMoments"/>, <see cref="IBackend.BatchNormalize"/> and
/// <see cref="IBackend.BatchNormalizeBackward"/>, so the statistics never leave the device. In training mode the
/// gradient flows through the batch mean and variance exactly as in PyTorch.
/// </summary>
public static class BatchNormOps
{
    /// <summary>Training mode: y = (x - mean) / sqrt(var + eps) * gamma + beta with the batch mean and biased variance.</summary>
    public static (Tensor Output, BatchStatistics Statistics) BatchNorm(this Tensor x, Tensor gamma, Tensor beta, double epsilon)
    {
        var layout = Layout(x, gamma, beta, epsilon);
        var mean = x.NewLike([layout.Channels]);
        var variance = x.NewLike([layout.Channels]);
        x.Backend.ChannelMoments(layout, x.Buffer, mean.Buffer, variance.Buffer);
        var y = Normalize(x, gamma, beta, mean, variance, epsilon, layout, batchStatistics: true);
        return (y, new BatchStatistics(mean, variance, layout.Outer * layout.Inner));
    }

    /// <summary>Evaluation mode: the same map with fixed (running) statistics, which get no gradient.</summary>
    public static Tensor BatchNormInference(this Tensor x, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVariance, double epsilon)
    {
        var layout = Layout(x, gamma, beta, epsilon);
        foreach (var (statistic, name) in new[] { (runningMean, nameof(runningMean)), (runningVariance, nameof(runningVariance)) })
            if (statistic.Shape != gamma.Shape || statistic.ElementType != x.ElementType || !ReferenceEquals(statistic.Backend, x.Backend))
                throw new EoiArgumentException(name, $"{name} must be a {x.ElementType} [{layout.Channels}] tensor in x's backend; got {statistic}");
        return Normalize(x, gamma, beta, runningMean, runningVariance, epsilon, layout, batchStatistics: false);
    }

    static Tensor Normalize(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor variance, double epsilon, ChannelLayout layout, bool batchStatistics)
    {
        var backend = x.Backend;
        var y = x.NewLike(x.Shape);
        backend.BatchNormalize(layout, epsilon, x.Buffer, mean.Buffer, variance.Buffer, gamma.Buffer, beta.Buffer, y.Buffer);
        return y.Record(g =>
        {
            // One kernel writes all three gradients.
            var dx = x.NewGradBuffer();
            var dgamma = gamma.NewGradBuffer();
            var dbeta = beta.NewGradBuffer();
            backend.BatchNormalizeBackward(layout, epsilon, batchStatistics, x.Buffer, mean.Buffer, variance.Buffer, gamma.Buffer,
                g.Buffer, dx, dgamma, dbeta);
            x.AccumulateGrad(dx);
            gamma.AccumulateGrad(dgamma);
            beta.AccumulateGrad(dbeta);
        }, x, gamma, beta);
    }

    /// <summary>x as (batch, channels, the rest), after checking gamma and beta are [channels] in x's backend and type.</summary>
    static ChannelLayout Layout(Tensor x, Tensor gamma, Tensor beta, double epsilon)
    {
        Guard.NotNull(x, nameof(x));
        Guard.PositiveFinite(epsilon, nameof(epsilon));
        if (x.Shape.Rank < 2)
            throw new EoiArgumentException(nameof(x), $"x must have rank >= 2 ([batch, channels, ...]); got shape {x.Shape}");
        int channels = x.Shape[1];
        foreach (var (parameter, name) in new[] { (gamma, nameof(gamma)), (beta, nameof(beta)) })
        {
            Guard.NotNull(parameter, name);
            if (parameter.Shape != new Shape(channels) || parameter.ElementType != x.ElementType || !ReferenceEquals(parameter.Backend, x.Backend))
                throw new EoiArgumentException(name, $"{name} must be a {x.ElementType} [{channels}] tensor in x's backend; got {parameter}");
        }
        return new ChannelLayout(x.Shape[0], channels, x.Shape.ElementsFrom(2));
    }
}
