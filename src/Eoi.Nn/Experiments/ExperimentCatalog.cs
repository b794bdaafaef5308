using Eoi.Backends;
using Eoi.Core;
using Eoi.Data;
using Eoi.Nn.Models;
using Eoi.Nn.Runs;
using Eoi.Nn.Setup;
using Eoi.Nn.Training;
using Eoi.Orthogonal;
using Eoi.Sparsity;

namespace Eoi.Nn.Experiments;

/// <summary>
/// The paper's experiments as grids (settings from paper.md §5, §6.1-6.3 and §8.1), each with a quick size that
/// keeps its shape (every scheme, the same measure) at smoke-test cost: the embedded MNIST sample, two seeds,
/// two mask methods, two epochs and fewer AI iterations.
/// </summary>
public static class ExperimentCatalog
{
    public const string Mlp7Mnist = "mlp7-mnist";
    public const string Mlp7Fashion = "mlp7-fashion";
    public const string Mlp1000Mnist = "mlp1000-mnist";
    public const string JacobianInit = "jacobian-init";
    public const string DeepCnnFashion = "cnn-deep-fashion";
    public const string ResNet32Fashion = "resnet32-fashion";
    public const string Vgg16Fashion = "vgg16-fashion";

    public static IReadOnlyList<string> Names { get; } = [Mlp7Mnist, Mlp7Fashion, Mlp1000Mnist, JacobianInit, DeepCnnFashion, ResNet32Fashion, Vgg16Fashion];

    static readonly ulong[] PaperSeeds = [1, 2, 3, 4, 5];
    static readonly ulong[] QuickSeeds = [1, 2];
    static readonly MaskMethodKind[] PaperMasks = [MaskMethodKind.Uniform, MaskMethodKind.Erk, MaskMethodKind.Snip, MaskMethodKind.Grasp, MaskMethodKind.SynFlow];
    static readonly MaskMethodKind[] QuickMasks = [MaskMethodKind.Uniform, MaskMethodKind.Snip];
    /// <summary>The mask methods the CNN grids run (issue: uniform, ERK and SNIP; the paper adds GraSP and SynFlow).</summary>
    static readonly MaskMethodKind[] ContemporaryCnnMasks = [MaskMethodKind.Uniform, MaskMethodKind.Erk, MaskMethodKind.Snip];
    static readonly ulong[] ContemporaryCnnSeeds = [1, 2, 3];
    static readonly InitScheme[] AllSchemes = [InitScheme.Base, InitScheme.ApproximateIsometry, InitScheme.Eoi];
    const int QuickEpochs = 2, QuickAiIterations = 100;

    public static ExperimentGrid Get(string name, bool quick)
    {
        Guard.NotNull(name, nameof(name));
        return name switch
        {
            Mlp7Mnist => Mlp7(name, DataSources.Mnist, quick),
            Mlp7Fashion => Mlp7(name, DataSources.FashionMnist, quick),
            Mlp1000Mnist => Mlp1000(quick),
            JacobianInit => Jacobian(quick),
            DeepCnnFashion => DeepCnn(quick),
            ResNet32Fashion => ContemporaryCnn(ResNet32Fashion, ModelKind.ResNet, 32, 16, quick),
            Vgg16Fashion => ContemporaryCnn(Vgg16Fashion, ModelKind.Vgg16, 16, 64, quick),
            _ => throw new EoiArgumentException(nameof(name), $"experiment must be one of {string.Join(", ", Names)}; got \"{name}\""),
        };
    }

    /// <summary>§6.2: MLP-7 tanh, lr 0.01, 100 epochs, l2 1e-4, densities 0.05 and 0.1, all masks x schemes.</summary>
    static ExperimentGrid Mlp7(string name, string dataset, bool quick)
    {
        var baseRun = new RunConfiguration
        {
            Dataset = quick ? DataSources.Sample : dataset,
            Init = Plan(quick, InitScale.Standard, ApproximateIsometryOptions.PaperIterations),
            Training = new TrainingOptions { Epochs = quick ? QuickEpochs : 100, LearningRate = ModelDefaults.Mlp.LearningRate, WeightDecay = 1e-4, RecordJacobian = true },
            AnalyzeLayers = false,
        };
        return new ExperimentGrid(name, "7-layer MLP (784-100x5-10, tanh): final test accuracy",
            ExperimentMeasure.FinalTestAccuracy, baseRun, quick ? QuickSeeds : PaperSeeds, [Activation.Tanh],
            quick ? [0.1] : [0.05, 0.1], quick ? QuickMasks : PaperMasks, AllSchemes, []);
    }

    /// <summary>§6.3: MLP depth 1000 width 128, tanh, sigma_w 1.0247, sigma_b 0.00448, lr 1e-4, density 0.125,
    /// AI 1000 iterations; besides mask x scheme, SAO (degree 16) and the dense orthogonal network. The quick size
    /// keeps the depth and every arm but trains one epoch, uniform masks only. (With one
    /// epoch both milestones fall at epoch 0, so that epoch runs at lr 1e-6, as PyTorch's MultiStepLR would.)</summary>
    static ExperimentGrid Mlp1000(bool quick)
    {
        var baseRun = new RunConfiguration
        {
            Depth = 1000,
            Width = 128,
            Dataset = quick ? DataSources.Sample : DataSources.Mnist,
            Init = Plan(quick, InitScale.ThousandLayer, ApproximateIsometryOptions.ThousandLayerIterations),
            Training = new TrainingOptions { Epochs = quick ? 1 : 100, LearningRate = 1e-4, WeightDecay = 1e-4 },
            AnalyzeLayers = false,
        };
        return new ExperimentGrid(Mlp1000Mnist, "1000-layer MLP (width 128, tanh, no normalisation or residuals): final test accuracy",
            ExperimentMeasure.FinalTestAccuracy, baseRun, quick ? [1] : PaperSeeds, [Activation.Tanh], [0.125],
            quick ? [MaskMethodKind.Uniform] : PaperMasks, AllSchemes, [ExperimentArm.Sao, ExperimentArm.Dense]);
    }

    /// <summary>§6.1: the Jacobian at initialisation of MLP-7 for four activations and twelve densities.</summary>
    static ExperimentGrid Jacobian(bool quick)
    {
        var baseRun = new RunConfiguration
        {
            Dataset = quick ? DataSources.Sample : DataSources.Mnist,
            Init = Plan(quick, InitScale.Standard, ApproximateIsometryOptions.PaperIterations),
            AnalyzeLayers = false,
        };
        Activation[] activations = quick ? [Activation.Identity, Activation.Tanh] : [Activation.Identity, Activation.Tanh, Activation.HardTanh, Activation.Relu];
        double[] densities = quick ? [0.1, 0.5, 1.0] : [0.03, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
        return new ExperimentGrid(JacobianInit, "7-layer MLP: input-output Jacobian singular values at initialisation",
            ExperimentMeasure.JacobianAtInit, baseRun, quick ? QuickSeeds : PaperSeeds, activations, densities,
            quick ? QuickMasks : PaperMasks, AllSchemes, []);
    }

    /// <summary>§6.3: the authors' vanilla CNN (CifarConv depth 1000, 128 channels, tanh, circular padding, no
    /// normalisation or residuals), sigma_w 1.0247, sigma_b 0.00448, lr 1e-4, density 0.125, masks on the
    /// conv-orthogonal init; base and EOI (uniform masks), SAO (degree width/8) and the dense delta-orthogonal
    /// network; the Jacobian at batch 0 of every epoch. Here on Fashion-MNIST zero-padded to 32 x 32. The quick
    /// size is depth 16, 16 channels, one epoch.</summary>
    static ExperimentGrid DeepCnn(bool quick)
    {
        var baseRun = new RunConfiguration
        {
            Model = ModelKind.CifarConv,
            Depth = quick ? 16 : 1000,
            Width = quick ? 16 : 128,
            Dataset = quick ? DataSources.Sample : DataSources.FashionMnist,
            Init = Plan(quick, InitScale.ThousandLayer, ApproximateIsometryOptions.ThousandLayerIterations),
            Training = new TrainingOptions { Epochs = quick ? 1 : 100, LearningRate = 1e-4, WeightDecay = 1e-4, RecordJacobian = true },
            AnalyzeLayers = false,
        };
        return new ExperimentGrid(DeepCnnFashion, "deep vanilla CNN (CifarConv, tanh, circular padding, no normalisation or residuals): final test accuracy",
            ExperimentMeasure.FinalTestAccuracy, baseRun, quick ? [1] : PaperSeeds, [Activation.Tanh], [0.125],
            [MaskMethodKind.Uniform], [InitScheme.Base, InitScheme.Eoi], [ExperimentArm.Sao, ExperimentArm.Dense])
        {
            DenseArmInit = DenseInitKind.DeltaOrthogonal,
        };
    }

    /// <summary>§6.4: ResNet-32 or VGG-16 (VGG-C), ReLU, lr 0.1, l2 1e-4, 200 epochs, densities 0.05 and 0.1,
    /// masks uniform, ERK and SNIP x {base, AI, EOI} on the conv-orthogonal init with the more-nonzeros centre
    /// rule, seeds 1-3; here on Fashion-MNIST zero-padded to 32 x 32.</summary>
    static ExperimentGrid ContemporaryCnn(string name, ModelKind model, int depth, int width, bool quick)
    {
        var plan = Plan(quick, InitScale.Standard, ApproximateIsometryOptions.PaperIterations);
        var baseRun = new RunConfiguration
        {
            Model = model,
            Depth = depth,
            Width = quick ? width / 4 : width,
            Activation = Activation.Relu,
            Dataset = quick ? DataSources.Sample : DataSources.FashionMnist,
            Init = plan with { Options = plan.Options with { CentreRule = CentreDensityRule.MoreNonZeros } },
            Training = new TrainingOptions { Epochs = quick ? 1 : 200, LearningRate = 0.1, WeightDecay = 1e-4 },
            AnalyzeLayers = false,
        };
        string network = model == ModelKind.ResNet ? $"ResNet-{depth}" : "VGG-16 (VGG-C)";
        return new ExperimentGrid(name, $"{network}, ReLU, batch normalisation: final test accuracy",
            ExperimentMeasure.FinalTestAccuracy, baseRun, quick ? QuickSeeds : ContemporaryCnnSeeds, [Activation.Relu],
            quick ? [0.1] : [0.05, 0.1], quick ? QuickMasks : ContemporaryCnnMasks, AllSchemes, []);
    }

    static InitializationPlan Plan(bool quick, InitScale scale, int aiIterations) => new()
    {
        Options = new SparseInitOptions
        {
            DenseInit = DenseInitKind.Orthogonal,
            Scale = scale,
            ApproximateIsometry = new ApproximateIsometryOptions { Iterations = quick ? QuickAiIterations : aiIterations },
        },
    };
}
