using BenchmarkDotNet.Attributes;
using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Backends.Cpu;
using Eoi.Nn.Models;
using Eoi.Nn.Modules;

namespace Eoi.Benchmarks.Training;

/// <summary>
/// One training step (forward, cross-entropy, backward, Nesterov SGD, loss read back) of ResNet-20 (width 16)
/// and CifarConv (depth 8, width 64) on a batch of 128 images 1 x 32 x 32 (the padded sample digits), every
/// weight layer masked uniformly at random at the given density: below <see cref="Conv2d.SparseKernelMaxDensity"/>
/// the convolutions hold CSR kernels, at 1 they are dense GEMM convolutions. The same networks, batch and
/// optimiser as benchmarks/torch/cnn_epoch.py.
/// </summary>
[MedianColumn]
public class CnnStepBenchmarks
{
    const int Batch = 128, Side = 32, Classes = 10;

    CpuBackend backend = null!;
    Sequential model = null!;
    Sgd optimizer = null!;
    Tensor images = null!;
    ClassLabels labels = null!;

    [Params("resnet-20", "cifar-conv-8")]
    public string Network { get; set; } = "";

    [Params(0.1, 1.0)]
    public double Density { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        backend = new CpuBackend();
        var spec = Network == "resnet-20"
            ? new ModelSpec(ModelKind.ResNet, 20, 16, Activation.Relu, [1, Side, Side])
            : new ModelSpec(ModelKind.CifarConv, 8, 64, Activation.Tanh, [1, Side, Side]);
        model = ModelFactory.Build(backend, spec);
        var random = new System.Random(1);
        foreach (var layer in model.WeightLayers().Select(l => l.Layer))
        {
            int count = layer.Spec.Count;
            double scale = 1 / Math.Sqrt(layer.Spec.FanIn * Density);
            var weight = new double[count];
            var mask = new double[count];
            for (int i = 0; i < count; i++)
            {
                weight[i] = (2 * random.NextDouble() - 1) * scale;
                mask[i] = Density >= 1 || random.NextDouble() < Density ? 1 : 0;
            }
            layer.Assign(weight, mask);
        }
        model.SetTraining(true);
        optimizer = new Sgd(model.Parameters().Select(p => p.Parameter), new SgdHyperparameters(0.01, 0.9, 1e-4, Nesterov: true));
        var pixels = new float[Batch * Side * Side];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (float)(2 * random.NextDouble() - 1);
        images = Tensor.FromArray(backend, [Batch, 1, Side, Side], pixels);
        labels = ClassLabels.FromArray(backend, Enumerable.Range(0, Batch).Select(i => i % Classes).ToArray(), Classes);
    }

    [Benchmark]
    public double TrainingStep()
    {
        using var scope = TensorScope.Begin();
        var loss = model.Forward(images).CrossEntropy(labels);
        double value = loss.Item();
        loss.Backward();
        optimizer.Step();
        optimizer.ZeroGrad();
        return value;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        optimizer.Dispose();
        images.Dispose();
        labels.Dispose();
        model.Dispose();
    }
}
