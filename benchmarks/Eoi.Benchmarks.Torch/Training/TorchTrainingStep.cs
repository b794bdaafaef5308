using TorchSharp;
using TorchSharp.Modules;
using EoiSequential = Eoi.Nn.Modules.Sequential;
using static TorchSharp.torch;

namespace Eoi.Benchmarks.Torch.Training;

/// <summary>
/// The same step as PyTorch code writes it: torch.nn Linear layers with our network's initial weights, SGD
/// (Nesterov, momentum 0.9, weight decay; see <see cref="TorchNesterovSgd"/> for why not TorchSharp's class), and
/// for a sparse network the usual static-sparse idiom, dense weights multiplied by their fixed mask after every step.
/// </summary>
sealed class TorchTrainingStep : IDisposable
{
    readonly nn.Module<Tensor, Tensor> model;
    readonly TorchNesterovSgd optimizer;
    readonly List<(Parameter Weight, Tensor Mask)> masks = [];
    readonly float[] inputs = StepSetup.Inputs();
    readonly Tensor labels = torch.tensor(StepSetup.Labels().Select(l => (long)l).ToArray());

    /// <param name="source">An initialised network of ours to copy; masked layers get a mask.</param>
    public TorchTrainingStep(EoiSequential source, bool masked)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var weightLayers = source.WeightLayers();
        for (int l = 0; l < weightLayers.Count; l++)
        {
            var layer = weightLayers[l].Layer;
            var linear = nn.Linear(layer.Spec.In, layer.Spec.Out);
            using (torch.no_grad())
            {
                linear.weight!.copy_(FloatTensor(layer.ReadWeight(), layer.Spec.Out, layer.Spec.In));
                linear.bias!.copy_(FloatTensor(layer.Bias!.Read(), layer.Spec.Out));
            }
            if (masked) masks.Add((linear.weight!, FloatTensor(layer.ReadMask(), layer.Spec.Out, layer.Spec.In)));
            layers.Add(linear);
            if (l < weightLayers.Count - 1) layers.Add(nn.Tanh());
        }
        model = nn.Sequential(layers);
        model.train();
        optimizer = new TorchNesterovSgd(model.parameters());
    }

    public double Run()
    {
        model.zero_grad();
        double value;
        using (torch.NewDisposeScope())
        {
            var logits = model.forward(torch.tensor(inputs, [StepSetup.BatchSize, StepSetup.Features]));
            var loss = nn.functional.cross_entropy(logits, labels);
            value = loss.item<float>();
            loss.backward();
        }
        optimizer.Step();
        using (torch.NewDisposeScope())
        using (torch.no_grad())
            foreach (var (weight, mask) in masks) weight.mul_(mask);
        return value;
    }

    static Tensor FloatTensor(double[] values, params long[] shape) => torch.tensor(Array.ConvertAll(values, v => (float)v), shape);

    public void Dispose()
    {
        foreach (var (_, mask) in masks) mask.Dispose();
        labels.Dispose();
        optimizer.Dispose();
        model.Dispose();
    }
}
