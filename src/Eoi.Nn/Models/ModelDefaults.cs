using Eoi.Backends;
using Eoi.Data;
using Eoi.Orthogonal;
using Eoi.Sparsity;

namespace Eoi.Nn.Models;

/// <summary>
/// The paper's settings for each network, where a run states none: depth, width, activation, initial learning
/// rate, init scale (sigma_w, sigma_b), the EOI conv centre rule, the data source and the side images are padded
/// to. The one table
/// <c>eoi train</c>, <see cref="Runs.RunConfiguration"/> and the experiment grids read.
/// </summary>
/// <param name="PadTo">Images with a shorter side are zero-padded to PadTo x PadTo; 0 keeps them as stored.</param>
public sealed record ModelDefaults(
    int Depth, int Width, Activation Activation, double LearningRate, InitScale Scale, CentreDensityRule CentreRule, string Dataset,
    int PadTo)
{
    /// <summary>The side convolutional networks read: 28 x 28 digits are zero-padded to 32 x 32, as LeNet
    /// did, which every convolutional model here accepts (CifarConv wants sides divisible by 8, VGG-16
    /// exactly 32 x 32, ResNet sides divisible by 4, padded too so that all three see the same images).</summary>
    public const int ConvolutionalImageSide = 32;

    /// <summary>§6.1-6.2: the 7-layer tanh MLP, 784-100x5-10, lr 0.01.</summary>
    public static ModelDefaults Mlp { get; } =
        new(7, 100, Activation.Tanh, 0.01, InitScale.Standard, CentreDensityRule.Plain, DataSources.Sample, 0);

    /// <summary>§6.3: the authors' vanilla CNN, depth 1000, 128 channels, tanh, lr 1e-4.</summary>
    public static ModelDefaults CifarConv { get; } =
        new(1000, 128, Activation.Tanh, 1e-4, InitScale.Standard, CentreDensityRule.Plain, DataSources.Cifar10, ConvolutionalImageSide);

    /// <summary>§6.4: ResNet-32 (first stage 16 channels), ReLU, lr 0.1, the more-nonzeros centre rule.</summary>
    public static ModelDefaults ResNet { get; } =
        new(32, 16, Activation.Relu, 0.1, InitScale.Standard, CentreDensityRule.MoreNonZeros, DataSources.Cifar10, ConvolutionalImageSide);

    /// <summary>§6.4: VGG-16 (first stage 64 channels), ReLU, lr 0.1, the more-nonzeros centre rule.</summary>
    public static ModelDefaults Vgg16 { get; } =
        new(16, 64, Activation.Relu, 0.1, InitScale.Standard, CentreDensityRule.MoreNonZeros, DataSources.Cifar10, ConvolutionalImageSide);

    /// <summary>The defaults of <paramref name="model"/>.</summary>
    public static ModelDefaults For(ModelKind model) => model switch
    {
        ModelKind.Mlp => Mlp,
        ModelKind.CifarConv => CifarConv,
        ModelKind.ResNet => ResNet,
        ModelKind.Vgg16 => Vgg16,
        _ => throw new Core.EoiArgumentException(nameof(model), $"model must be one of {string.Join(", ", Enum.GetNames<ModelKind>())}; got {model}"),
    };
}
