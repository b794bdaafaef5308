using Eoi.Backends;
using Eoi.Nn.Models;
using Eoi.Oracle;
using Eoi.Orthogonal;
using Eoi.Sparsity;

namespace Eoi.Cli.Commands;

public enum TrainDevice { Cpu, Cuda }

/// <summary>The words of <c>eoi train</c> and <c>eoi experiment</c> (the authors' spec names where they have one).</summary>
static class TrainVocabulary
{
    public static readonly Words<ModelKind> Models = new(
        ("mlp", ModelKind.Mlp), ("cifar-conv", ModelKind.CifarConv), ("resnet", ModelKind.ResNet), ("vgg16", ModelKind.Vgg16));

    public static readonly Words<ActivationKind> Activations = new(
        ("linear", ActivationKind.Identity), ("tanh", ActivationKind.Tanh), ("relu", ActivationKind.Relu),
        ("lrelu", ActivationKind.LeakyRelu), ("hard-tanh", ActivationKind.HardTanh), ("selu", ActivationKind.Selu));

    public static readonly Words<MaskMethodKind> Masks = new(
        ("uniform", MaskMethodKind.Uniform), ("erk", MaskMethodKind.Erk), ("snip", MaskMethodKind.Snip), ("grasp", MaskMethodKind.Grasp),
        ("synflow", MaskMethodKind.SynFlow), ("uni-skip", MaskMethodKind.UniformSkipFirstLast));

    public static readonly Words<InitScheme> Schemes = new(
        ("base", InitScheme.Base), ("ai", InitScheme.ApproximateIsometry), ("eoi", InitScheme.Eoi));

    public static readonly Words<DenseInitKind> DenseInits = new(
        ("orthogonal", DenseInitKind.Orthogonal), ("delta-orthogonal", DenseInitKind.DeltaOrthogonal),
        ("kaiming", DenseInitKind.Kaiming), ("sparse-kaiming", DenseInitKind.SparseScaledKaiming));

    public static readonly Words<CentreDensityRule> CentreRules = Vocabulary.CentreRules;

    public static readonly Words<TrainDevice> Devices = new(("cpu", TrainDevice.Cpu), ("cuda", TrainDevice.Cuda));

    public static Activation ActivationOf(ActivationKind kind) => kind switch
    {
        ActivationKind.Identity => Activation.Identity,
        ActivationKind.Tanh => Activation.Tanh,
        ActivationKind.Relu => Activation.Relu,
        ActivationKind.LeakyRelu => Activation.LeakyRelu(),
        ActivationKind.HardTanh => Activation.HardTanh,
        _ => Activation.Selu,
    };
}
