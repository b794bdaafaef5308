using Eoi.Autograd;
using Eoi.Core;
using Eoi.Data;
using Eoi.Nn.Functional;
using Eoi.Nn.Modules;
using Eoi.Sparsity;

namespace Eoi.Nn.Setup;

/// <summary>
/// A network as the data-driven mask methods see it (<see cref="IScoreModel"/>). Give it a network of its own,
/// built for the purpose (float64, so SynFlow's products and GraSP's finite differences keep their precision):
/// every call writes the weights it is given into it with all positions trainable, and leaves biases and batch
/// norm at their defaults (zero bias, gamma 1, beta 0), which is what SynFlow's linearisation asks for.
/// </summary>
public sealed class NetworkScoreModel : IScoreModel
{
    readonly Module network;
    readonly IReadOnlyList<NamedLayer> weightLayers;
    readonly int[] sampleShape;
    readonly IReadOnlyList<MiniBatch> batches;
    readonly double temperature;

    /// <param name="batches">The scoring data: one batch of 128 for SNIP, the whole training set for GraSP.</param>
    /// <param name="temperature">Logits are divided by it before the loss (GraSP: 200).</param>
    public NetworkScoreModel(Module network, int[] sampleShape, IReadOnlyList<MiniBatch> batches, double temperature = 1)
    {
        Guard.NotNull(network, nameof(network));
        Guard.NotNull(sampleShape, nameof(sampleShape));
        Guard.NotNull(batches, nameof(batches));
        Guard.PositiveFinite(temperature, nameof(temperature));
        this.network = network;
        weightLayers = network.WeightLayers();
        this.sampleShape = sampleShape;
        this.batches = batches;
        this.temperature = temperature;
        Layers = [.. weightLayers.Select(l => l.Spec)];
    }

    public IReadOnlyList<LayerSpec> Layers { get; }

    /// <summary>Cross-entropy summed over the scoring batches (each batch's mean), in training mode.</summary>
    public double[][] LossGradients(IReadOnlyList<double[]> weights)
    {
        if (batches.Count == 0)
            throw new EoiArgumentException("batches", "a data-driven mask method needs at least one scoring batch; got none");
        Load(weights);
        network.SetTraining(true);
        var tensors = Training.BatchTensors.For(network);
        foreach (var batch in batches)
        {
            using var scope = TensorScope.Begin();
            using var labels = tensors.Labels(batch, classCount: LogitsWidth);
            var logits = network.Forward(tensors.Inputs(batch));
            (temperature == 1 ? logits : logits.Scale(1 / temperature)).CrossEntropy(labels).Backward();
        }
        return Gradients();
    }

    /// <summary>R = the sum of the outputs for one all-ones input, in evaluation mode.</summary>
    public double[][] SynFlowGradients(IReadOnlyList<double[]> absWeights)
    {
        Load(absWeights);
        network.SetTraining(false);
        var reference = network.Parameters()[0].Parameter.Value;
        using (TensorScope.Begin())
        {
            network.Forward(HostTensors.Full(reference, new Shape([1, .. sampleShape]), 1)).Sum().Backward();
        }
        return Gradients();
    }

    int LogitsWidth => Layers[^1].Out;

    void Load(IReadOnlyList<double[]> weights)
    {
        Guard.NotNull(weights, nameof(weights));
        if (weights.Count != weightLayers.Count)
            throw new EoiArgumentException(nameof(weights), $"weights must hold one array per layer ({weightLayers.Count}); got {weights.Count}");
        foreach (var (_, parameter) in network.Parameters()) parameter.Value.ClearGrad();
        for (int l = 0; l < weightLayers.Count; l++)
            weightLayers[l].Layer.Assign(weights[l], Enumerable.Repeat(1.0, weights[l].Length).ToArray());
    }

    double[][] Gradients()
    {
        var result = weightLayers.Select(l => l.Layer.ReadWeightGradient() ?? new double[l.Spec.Count]).ToArray();
        foreach (var (_, parameter) in network.Parameters()) parameter.Value.ClearGrad();
        return result;
    }
}
