using System.Text.Json.Serialization;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Data;
using Eoi.Nn.Models;
using Eoi.Nn.Setup;
using Eoi.Nn.Training;

namespace Eoi.Nn.Runs;

/// <summary>
/// One training run end to end: network, data source, initialisation and training. The defaults are the
/// paper's 7-layer tanh MLP (<see cref="ModelDefaults.Mlp"/>) at density 0.1 with uniform masks and EOI, on the
/// embedded MNIST sample.
/// </summary>
public sealed record RunConfiguration
{
    public ModelKind Model { get; init; } = ModelKind.Mlp;
    public int Depth { get; init; } = ModelDefaults.Mlp.Depth;
    public int Width { get; init; } = ModelDefaults.Mlp.Width;
    public Activation Activation { get; init; } = ModelDefaults.Mlp.Activation;
    public string Dataset { get; init; } = ModelDefaults.Mlp.Dataset;
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
    public TrainingOptions Training { get; init; } = new() { LearningRate = ModelDefaults.Mlp.LearningRate, RecordJacobian = true };
    /// <summary>Singular values of every weight layer at initialisation and after training (costly for deep nets).</summary>
    public bool AnalyzeLayers { get; init; } = true;
    /// <summary>Also write the network as initialised (<see cref="RunFiles.InitialCheckpoint"/>) before training.
    /// Not serialised: it changes what is written, not the run (run records hash the settings).</summary>
    [JsonIgnore]
    public bool SaveInitialCheckpoint { get; init; }
    /// <summary>Where metrics, spectra and the checkpoint go; null to write nothing.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>MLPs at density below 1 use CSR layers; convolutions always use masked dense kernels.</summary>
    public bool SparseLinearLayers => Model == ModelKind.Mlp && !Init.IsDense;

    /// <summary>What a null <see cref="PadTo"/> means: the model's <see cref="ModelDefaults.PadTo"/>
    /// (<see cref="ModelDefaults.ConvolutionalImageSide"/> for the convolutional networks, 0 (as stored) for MLPs).</summary>
    public int AutomaticPadTo => ModelDefaults.For(Model).PadTo;

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
