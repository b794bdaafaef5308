using System.CommandLine;
using System.Globalization;
using Eoi.Backends;
using Eoi.Data;
using Eoi.Nn.Models;
using Eoi.Nn.Runs;
using Eoi.Nn.Setup;
using Eoi.Nn.Training;
using Eoi.Sparsity;

namespace Eoi.Cli.Commands;

/// <summary>The options of <c>eoi train</c> and how they become a <see cref="RunConfiguration"/>. Defaults that
/// depend on the network are the paper's, from <see cref="ModelDefaults"/>; the help texts state them.</summary>
sealed class TrainArguments
{
    readonly Option<string> model = TrainOptionValues.Choice("--model", "Network. Default: mlp.", TrainVocabulary.Models);
    readonly Option<string> depth = CommonOptions.Optional("--depth", "N", "MLP: Linear layers (default 7); cifar-conv: depth (default 1000); resnet: N of ResNet-N, 6n+2 (default 32); vgg16: 16.");
    readonly Option<string> width = CommonOptions.Optional("--width", "W", "Hidden width or first-stage channels. Default: mlp 100, cifar-conv 128, resnet 16, vgg16 64.");
    readonly Option<string> activation = TrainOptionValues.Choice("--activation", "Nonlinearity. Default: tanh (mlp, cifar-conv), relu (resnet, vgg16).", TrainVocabulary.Activations);
    readonly Option<string> dataset = TrainOptionValues.Dataset("Data source (sample: the embedded MNIST subset). Default: sample for mlp, cifar10 otherwise.");
    readonly Option<string> dataDirectory = CommonOptions.Optional("--data-dir", "DIR", "Where the data source lives. Default: ./data/NAME (fashion-mnist also /usr/share/datasets/fashion-mnist).");
    readonly Option<string> padTo = CommonOptions.Optional("--pad-to", "N", "Zero-pad images with a side shorter than N to N x N before normalisation; 0 keeps them as stored. Default: 32 for cifar-conv, resnet and vgg16 (28 x 28 digits become 32 x 32, as LeNet did), 0 for mlp.");
    readonly Option<string> density = CommonOptions.Optional("--density", "D", "Global density in (0, 1]; 1 trains the dense baseline. Default: 0.1.");
    readonly Option<string> mask = TrainOptionValues.Choice("--mask", "Mask method. Default: uniform.", TrainVocabulary.Masks);
    readonly Option<string> init = TrainOptionValues.Choice("--init", "What follows the mask: base (masked dense init), ai (Approximate Isometry), eoi. Default: eoi.", TrainVocabulary.Schemes);
    readonly Option<string> denseInit = TrainOptionValues.Choice("--dense-init", "Dense init the masks are chosen on (orthogonal is conv-orthogonal on convs). Default: orthogonal.", TrainVocabulary.DenseInits);
    readonly Option<string> centreRule = TrainOptionValues.Choice("--centre-rule", "EOI conv centre density. Default: more-nonzeros for resnet and vgg16, plain otherwise.", TrainVocabulary.CentreRules);
    readonly Option<string> gain = CommonOptions.Optional("--gain", "G", "sigma_w of the orthogonal and EOI inits, > 0. Default: 1 (the 1000-layer networks use 1.0247).");
    readonly Option<string> biasStd = CommonOptions.Optional("--bias-std", "S", "sigma_b: biases ~ N(0, S^2), >= 0. Default: 0 (the 1000-layer networks use 0.00448).");
    readonly Option<string> aiIterations = CommonOptions.Optional("--ai-iterations", "K", "Approximate Isometry iterations, an integer >= 1. Default: 10000.");
    readonly Option<string> epochs = CommonOptions.Optional("--epochs", "E", "Epochs; the learning rate drops x0.1 from epoch E/2 and again from 3E/4 (rounded down, counted from 0; for E < 4 never at epoch 0 nor twice at once: E = 1 keeps the rate, E = 2 drops once, E = 3 twice). Default: 100 (the paper's).");
    readonly Option<string> learningRate = CommonOptions.Optional("--lr", "LR", "Initial learning rate of Nesterov SGD (momentum 0.9). Default: mlp 0.01, cifar-conv 1e-4, resnet and vgg16 0.1.");
    readonly Option<string> batch = CommonOptions.Optional("--batch", "B", "Batch size. Default: 128.");
    readonly Option<string> weightDecay = CommonOptions.Optional("--weight-decay", "L2", "L2 weight decay. Default: 1e-4.");
    readonly Option<string> seed = CommonOptions.Optional("--seed", "S", "Seed of the initialisation and the batch order, in [0, 2^64-1]. Default: 1.");
    readonly Option<string> device = TrainBackend.DeviceOption();
    readonly Option<string> output = new("--output", "-o")
    {
        HelpName = "DIR",
        Description = $"Where metrics, spectra, plots and the checkpoint go. Default: {DefaultOutputPattern} ('dense' for " +
            $"<mask>-<init> at density 1; -train<N> and -test<N> added for --train-examples and --test-examples), e.g. {DefaultOutputWithoutOptions} with no options.",
    };
    readonly Option<string> resume = CommonOptions.Optional("--resume", "CHECKPOINT", "Continue a run from its checkpoint (same options); ends with the same bits as an uninterrupted run.");
    readonly Option<bool> noJacobian = new("--no-jacobian") { Description = "Skip the input-output Jacobian's singular values at batch 0 of every epoch." };
    readonly Option<bool> saveInit = new("--save-init")
    {
        Description = $"Also write the network as initialised, before its first step, to {RunFiles.InitialCheckpoint} in --output: a checkpoint after 0 epochs that another implementation can train from, or --resume can continue.",
    };
    readonly ExampleCountOptions examples = new();

    public IEnumerable<Option> All =>
        [model, depth, width, activation, dataset, dataDirectory, padTo, .. examples.All, density, mask, init, denseInit, centreRule, gain, biasStd,
         aiIterations, epochs, learningRate, batch, weightDecay, seed, device, output, resume, noJacobian, saveInit];

    /// <summary>See <see cref="ExampleCountOptions.NamingOptions{T}"/>.</summary>
    public T NamingOptions<T>(Func<T> run) => examples.NamingOptions(run);

    public string? Resume(ParseResult parsed) => parsed.GetValue(resume);

    /// <summary>The backend --device names; see <see cref="TrainBackend.Open"/>.</summary>
    public IBackend OpenBackend(ParseResult parsed) => TrainBackend.Open(parsed, device);

    public RunConfiguration Configuration(ParseResult parsed)
    {
        var kind = TrainOptionValues.Word(parsed, model, TrainVocabulary.Models, ModelKind.Mlp);
        var defaults = ModelDefaults.For(kind);
        var activationKind = TrainOptionValues.Word(parsed, activation, TrainVocabulary.Activations, defaults.Activation.Kind);
        var plan = new InitializationPlan
        {
            Density = TrainOptionValues.Number(parsed, density, 0.1, 0, 1, excludeMin: true),
            MaskMethod = TrainOptionValues.Word(parsed, mask, TrainVocabulary.Masks, MaskMethodKind.Uniform),
            Scheme = TrainOptionValues.Word(parsed, init, TrainVocabulary.Schemes, InitScheme.Eoi),
            Options = new SparseInitOptions
            {
                DenseInit = TrainOptionValues.Word(parsed, denseInit, TrainVocabulary.DenseInits, DenseInitKind.Orthogonal),
                Scale = new InitScale(TrainOptionValues.Number(parsed, gain, defaults.Scale.WeightGain, 0, 1e6, excludeMin: true),
                    TrainOptionValues.Number(parsed, biasStd, defaults.Scale.BiasStd, 0, 1e6)),
                CentreRule = TrainOptionValues.Word(parsed, centreRule, TrainVocabulary.CentreRules, defaults.CentreRule),
                ApproximateIsometry = new ApproximateIsometryOptions { Iterations = TrainOptionValues.Integer(parsed, aiIterations, ApproximateIsometryOptions.PaperIterations, 1) },
            },
        };
        var paper = new TrainingOptions();
        var training = new TrainingOptions
        {
            Epochs = TrainOptionValues.Integer(parsed, epochs, paper.Epochs, 1),
            LearningRate = TrainOptionValues.Number(parsed, learningRate, defaults.LearningRate, 0, 1e300, excludeMin: true),
            BatchSize = TrainOptionValues.Integer(parsed, batch, paper.BatchSize, 1),
            WeightDecay = TrainOptionValues.Number(parsed, weightDecay, paper.WeightDecay, 0, 1e6),
            Seed = TrainOptionValues.Seed(parsed, seed, 1),
            RecordJacobian = !parsed.GetValue(noJacobian),
        };
        var configuration = new RunConfiguration
        {
            Model = kind,
            Depth = TrainOptionValues.Integer(parsed, depth, defaults.Depth, 1),
            Width = TrainOptionValues.Integer(parsed, width, defaults.Width, 1),
            Activation = TrainVocabulary.ActivationOf(activationKind),
            Dataset = TrainOptionValues.Dataset(parsed, dataset) ?? defaults.Dataset,
            DataDirectory = parsed.GetValue(dataDirectory),
            PadTo = parsed.GetValue(padTo) is null ? null : TrainOptionValues.Integer(parsed, padTo, 0, 0, DataSources.MaxPadTo),
            TrainExamples = examples.Train(parsed),
            TestExamples = examples.Test(parsed),
            Init = plan,
            Training = training,
            SaveInitialCheckpoint = parsed.GetValue(saveInit),
        };
        return configuration with { OutputDirectory = parsed.GetValue(output) ?? DefaultOutput(configuration) };
    }

    /// <summary>What <see cref="DefaultOutput"/> makes of a run, as the help states it.</summary>
    internal const string DefaultOutputPattern = "runs/<model>-<depth>x<width>-<mask>-<init>-d<density>-seed<seed>";

    /// <summary><see cref="DefaultOutput"/> of <c>eoi train</c> with no options.</summary>
    internal const string DefaultOutputWithoutOptions = "runs/mlp-7x100-uniform-eoi-d0.1-seed1";

    /// <summary>runs/mlp-7x100-uniform-eoi-d0.1-seed1: one directory per distinct run, the same every time; a run
    /// on fewer examples adds -trainN and -testN.</summary>
    static string DefaultOutput(RunConfiguration c)
    {
        string init = c.Init.IsDense
            ? "dense"
            : $"{TrainVocabulary.Masks.WordFor(c.Init.MaskMethod)}-{TrainVocabulary.Schemes.WordFor(c.Init.Scheme)}";
        string reduced = (c.TrainExamples is { } train ? $"-train{train}" : "") + (c.TestExamples is { } test ? $"-test{test}" : "");
        return Path.Combine("runs", string.Create(CultureInfo.InvariantCulture,
            $"{TrainVocabulary.Models.WordFor(c.Model)}-{c.Depth}x{c.Width}-{init}-d{c.Init.Density}-seed{c.Training.Seed}{reduced}"));
    }
}
