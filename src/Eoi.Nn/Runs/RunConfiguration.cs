using Eoi.Core;
using Eoi.Core.Backend;
using Eoi.Data;
using Eoi.Nn.Models;
using Eoi.Nn.Setup;
using Eoi.Nn.Training;

namespace Eoi.Nn.Runs;

/// <summary>
/// One training run end to end: network, data source, initialisation and training. The defaults are the
/// paper's 7-layer tanh MLP at density 0.1 with uniform masks and EOI, on the embedded MNIST sample.
/// </summary>
public sealed record RunConfiguration
{
    public ModelKind Model { get; init; } = ModelKind.Mlp;
    public int Depth { get; init; } = 7;
    public int Width { get; init; } = 100;
    public Activation Activation { get; init; } = Activation.Tanh;
    public string Dataset { get; init; } = DataSources.Sample;
    /// <summary>Where the data source lives; null for its default place (see <see cref="DataSources"/>).</summary>
    public string? DataDirectory { get; init; }
    /// <summary>Images with a side shorter than this are zero-padded to it on loading (<see cref="DataSources.Load"/>);
    /// 0 keeps them as stored; null picks <see cref="AutomaticPadTo"/>.</summary>
    public int? PadTo { get; init; }
    /// <summary>Train on the first N examples of the training set only (the last 10 % of those then validate);
    /// null for all. A stated reduction for grids that the full set would make too long.</summary>
    public int? TrainExamples { get; init; }
    /// <summary>Test on the first N examples of the test set only; null for all.</summary>
    public int? TestExamples { get; init; }
    public InitializationPlan Init { get; init; } = new() { Density = 0.1 };
    public TrainingOptions Training { get; init; } = new() { LearningRate = 0.01, RecordJacobian = true };
    /// <summary>Singular values of every weight layer at initialisation and after training (costly for deep nets).</summary>
    public bool AnalyzeLayers { get; init; } = true;
    /// <summary>Where metrics, spectra and the checkpoint go; null to write nothing.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>MLPs at density below 1 use CSR layers; convolutions always use masked dense kernels.</summary>
    public bool SparseLinearLayers => Model == ModelKind.Mlp && !Init.IsDense;

    /// <summary>The side convolutional networks read: 28 x 28 digits are zero-padded to 32 x 32, as LeNet
    /// did, which every convolutional model here accepts (CifarConv wants sides divisible by 8, VGG-16
    /// exactly 32 x 32, ResNet sides divisible by 4, padded too so that all three see the same images).</summary>
    public const int ConvolutionalImageSide = 32;

    /// <summary>What a null <see cref="PadTo"/> means: <see cref="ConvolutionalImageSide"/> for the
    /// convolutional networks, 0 (as stored) for MLPs.</summary>
    public int AutomaticPadTo => Model == ModelKind.Mlp ? 0 : ConvolutionalImageSide;

    /// <summary>The padding side the run loads with.</summary>
    public int EffectivePadTo => PadTo ?? AutomaticPadTo;

    public ModelSpec SpecFor(Dataset train)
    {
        Guard.NotNull(train, nameof(train));
        return new ModelSpec(Model, Depth, Width, Activation, [.. train.SampleShape], train.ClassCount, SparseLinearLayers);
    }

    /// <summary>"MLP depth 7, width 100, Tanh"</summary>
    public string ModelDescription => $"{Model} depth {Depth}, width {Width}, {Activation.Kind}";

    /// <summary>"uniform + Eoi at density 0.1", or "dense Orthogonal".</summary>
    public string InitDescription => Init.IsDense
        ? $"dense {Init.Options.DenseInit}"
        : FormattableString.Invariant($"{Init.MaskMethod} + {Init.Scheme} at density {Init.Density}");
}
