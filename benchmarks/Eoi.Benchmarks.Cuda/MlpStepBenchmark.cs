using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Benchmarks.Cuda;

/// <summary>
/// One training step of the paper's deep MLP (784 -> width, depth - 2 hidden width -> width layers, width -> 10;
/// tanh; SGD with Nesterov momentum 0.9, lr 1e-4, weight decay 1e-4; every weight at the same density): zero the
/// gradients, forward, cross-entropy, backward, update, read the loss. Sparse weights are CSR values
/// (<see cref="SparseParameter"/>); the masked-dense variant keeps dense weights and re-applies the mask after
/// each update, as PyTorch sparse-training code does.
/// </summary>
static class MlpStepBenchmark
{
    public static IEnumerable<BenchmarkResult> Run(BenchmarkDevice device, BenchmarkSettings settings)
    {
        yield return TimeStep(device, settings, "sparse", BuildSparse);
        yield return TimeStep(device, settings, "masked-dense", BuildMaskedDense);
    }

    /// <summary>A network: the forward pass from input to logits, the parameters to train, and what to free.</summary>
    sealed record Network(Func<Tensor, Tensor> Logits, List<TrainableParameter> Parameters, List<IDisposable> Owned);

    static BenchmarkResult TimeStep(BenchmarkDevice device, BenchmarkSettings settings, string variant,
        Func<IBackend, BenchmarkSettings, Random, Network> build)
    {
        var backend = device.Backend;
        var random = new Random(2);
        int batch = settings.Batch;
        var network = build(backend, settings, random);
        using var input = Tensor.FromArray(backend, [batch, BenchmarkSettings.MnistInputs], RandomWeights.Floats(random, batch * BenchmarkSettings.MnistInputs));
        using var labels = ClassLabels.FromArray(backend, [.. Enumerable.Range(0, batch).Select(i => i % BenchmarkSettings.MnistClasses)], BenchmarkSettings.MnistClasses);
        using var optimizer = new Sgd(network.Parameters, new SgdHyperparameters(1e-4, Momentum: 0.9, WeightDecay: 1e-4, Nesterov: true));
        try
        {
            var time = Timing.Measure(() =>
            {
                optimizer.ZeroGrad();
                using var scope = TensorScope.Begin();
                var loss = network.Logits(input).CrossEntropy(labels);
                loss.Backward();
                optimizer.Step();
                if (!double.IsFinite(loss.Item())) throw new InvalidOperationException($"the {variant} MLP's loss is not finite");
            }, device.Synchronize, settings);
            return new BenchmarkResult("mlp", variant, settings.MlpWidth, batch, settings.MlpDensity, time);
        }
        finally
        {
            foreach (var owned in network.Owned) owned.Dispose();
        }
    }

    /// <summary>Layer sizes: inputs, depth - 1 hidden layers, classes.</summary>
    static int[] Sizes(BenchmarkSettings s) =>
        [BenchmarkSettings.MnistInputs, .. Enumerable.Repeat(s.MlpWidth, s.MlpDepth - 1), BenchmarkSettings.MnistClasses];

    static Network BuildSparse(IBackend backend, BenchmarkSettings settings, Random random)
    {
        var sizes = Sizes(settings);
        var weights = new List<SparseParameter>();
        var biases = new List<Tensor>();
        for (int layer = 0; layer + 1 < sizes.Length; layer++)
        {
            var pattern = RandomWeights.Pattern(random, sizes[layer + 1], sizes[layer], settings.MlpDensity);
            weights.Add(SparseParameter.FromCsr(backend, new CsrMatrix(pattern, RandomWeights.Values(random, pattern))));
            biases.Add(Tensor.Zeros(backend, [sizes[layer + 1]], requiresGrad: true));
        }
        return new Network(
            x => Layers(x, weights.Count, (h, i) => h.SparseLinear(weights[i]).AddBias(biases[i])),
            [.. weights.Select(w => (TrainableParameter)w.Values), .. biases.Select(b => (TrainableParameter)b)],
            [.. weights, .. biases]);
    }

    static Network BuildMaskedDense(IBackend backend, BenchmarkSettings settings, Random random)
    {
        var sizes = Sizes(settings);
        var parameters = new List<TrainableParameter>();
        var owned = new List<IDisposable>();
        var weights = new List<Tensor>();
        var biases = new List<Tensor>();
        for (int layer = 0; layer + 1 < sizes.Length; layer++)
        {
            int rows = sizes[layer + 1], cols = sizes[layer];
            var pattern = RandomWeights.Pattern(random, rows, cols, settings.MlpDensity);
            var dense = new CsrMatrix(pattern, RandomWeights.Values(random, pattern)).ToDense(ElementType.Float32);
            var weight = Tensor.FromArray(backend, [rows, cols], [.. dense.Data.Select(v => (float)v)], requiresGrad: true);
            var mask = Tensor.FromArray(backend, [rows, cols], [.. pattern.ToDenseMask().Data.Select(v => (float)v)]);
            var bias = Tensor.Zeros(backend, [rows], requiresGrad: true);
            weights.Add(weight);
            biases.Add(bias);
            parameters.Add(new TrainableParameter(weight, mask));
            parameters.Add(bias);
            owned.AddRange([weight, mask, bias]);
        }
        return new Network(x => Layers(x, weights.Count, (h, i) => h.MatMul(weights[i], transposeB: true).AddBias(biases[i])), parameters, owned);
    }

    /// <summary>tanh after every layer but the last, which gives the logits.</summary>
    static Tensor Layers(Tensor x, int count, Func<Tensor, int, Tensor> layer)
    {
        var h = x;
        for (int i = 0; i < count; i++)
        {
            h = layer(h, i);
            if (i + 1 < count) h = h.Tanh();
        }
        return h;
    }
}
