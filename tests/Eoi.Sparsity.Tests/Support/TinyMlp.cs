using Eoi.Random;

namespace Eoi.Sparsity.Tests.Support;

/// <summary>
/// A bias-free MLP written out by hand in float64, the <see cref="IScoreModel"/> the data-driven mask methods are
/// tested through: tanh hidden layers, logits out, mean softmax cross-entropy on a fixed random batch. Its SynFlow
/// pass is the linearised network (no activation) on an all-ones input, R = sum of the outputs.
/// </summary>
public sealed class TinyMlp : IScoreModel
{
    readonly int[] _widths;
    readonly double[][] _inputs;
    readonly int[] _labels;

    /// <param name="widths">input width, hidden widths..., number of classes.</param>
    public TinyMlp(int[] widths, int batch = 8, ulong seed = 5)
    {
        _widths = widths;
        Layers = Enumerable.Range(0, widths.Length - 1)
            .Select(l => LayerSpec.Linear($"fc{l}", widths[l + 1], widths[l], hasBias: false)).ToArray();
        var stream = new RandomStream(RngKey.FromSeed(seed));
        _inputs = Enumerable.Range(0, batch).Select(_ => Enumerable.Range(0, widths[0]).Select(_ => 2 * stream.NextDouble() - 1).ToArray()).ToArray();
        _labels = Enumerable.Range(0, batch).Select(_ => (int)stream.NextBelow((uint)widths[^1])).ToArray();
    }

    public IReadOnlyList<LayerSpec> Layers { get; }

    public double Loss(IReadOnlyList<double[]> weights)
    {
        double loss = 0;
        for (int n = 0; n < _inputs.Length; n++)
        {
            var logits = Forward(weights, _inputs[n], tanh: true)[^1];
            double max = logits.Max();
            double logSum = Math.Log(logits.Sum(z => Math.Exp(z - max))) + max;
            loss += logSum - logits[_labels[n]];
        }
        return loss / _inputs.Length;
    }

    public double[][] LossGradients(IReadOnlyList<double[]> weights)
    {
        var grads = Layers.Select(l => new double[l.Count]).ToArray();
        for (int n = 0; n < _inputs.Length; n++)
        {
            var activations = Forward(weights, _inputs[n], tanh: true);
            var logits = activations[^1];
            double max = logits.Max();
            var p = logits.Select(z => Math.Exp(z - max)).ToArray();
            double sum = p.Sum();
            var delta = p.Select((x, k) => (x / sum - (k == _labels[n] ? 1.0 : 0.0)) / _inputs.Length).ToArray();
            Backward(weights, activations, delta, grads, tanh: true);
        }
        return grads;
    }

    public double[][] SynFlowGradients(IReadOnlyList<double[]> absWeights)
    {
        var grads = Layers.Select(l => new double[l.Count]).ToArray();
        var activations = Forward(absWeights, Enumerable.Repeat(1.0, _widths[0]).ToArray(), tanh: false);
        Backward(absWeights, activations, Enumerable.Repeat(1.0, _widths[^1]).ToArray(), grads, tanh: false);
        return grads;
    }

    /// <summary>R = sum of the outputs of the linear network with these weights on an all-ones input.</summary>
    public double SynFlowObjective(IReadOnlyList<double[]> weights) =>
        Forward(weights, Enumerable.Repeat(1.0, _widths[0]).ToArray(), tanh: false)[^1].Sum();

    // activations[0] = input, activations[l + 1] = output of layer l (tanh except after the last layer).
    List<double[]> Forward(IReadOnlyList<double[]> weights, double[] input, bool tanh)
    {
        var activations = new List<double[]> { input };
        for (int l = 0; l < Layers.Count; l++)
        {
            int outs = _widths[l + 1], ins = _widths[l];
            var a = activations[^1];
            var z = new double[outs];
            for (int o = 0; o < outs; o++)
                for (int i = 0; i < ins; i++)
                    z[o] += weights[l][o * ins + i] * a[i];
            if (tanh && l < Layers.Count - 1)
                for (int o = 0; o < outs; o++) z[o] = Math.Tanh(z[o]);
            activations.Add(z);
        }
        return activations;
    }

    // delta = dLoss/d(output of the last layer); accumulates dLoss/dW into grads.
    void Backward(IReadOnlyList<double[]> weights, List<double[]> activations, double[] delta, double[][] grads, bool tanh)
    {
        for (int l = Layers.Count - 1; l >= 0; l--)
        {
            int outs = _widths[l + 1], ins = _widths[l];
            var a = activations[l];
            for (int o = 0; o < outs; o++)
                for (int i = 0; i < ins; i++)
                    grads[l][o * ins + i] += delta[o] * a[i];
            if (l == 0) break;
            var previous = new double[ins];
            for (int o = 0; o < outs; o++)
                for (int i = 0; i < ins; i++)
                    previous[i] += delta[o] * weights[l][o * ins + i];
            if (tanh)
                for (int i = 0; i < ins; i++) previous[i] *= 1 - a[i] * a[i];
            delta = previous;
        }
    }
}
