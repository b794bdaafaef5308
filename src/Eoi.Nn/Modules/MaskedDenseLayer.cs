using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Sparsity;

namespace Eoi.Nn.Modules;

/// <summary>
/// A weight layer that stores its whole weight densely next to a fixed 0/1 mask (Linear, Conv2d); the
/// optimiser multiplies the mask back in after every step. Sparse linear layers use CSR instead.
/// </summary>
public abstract class MaskedDenseLayer : WeightLayer
{
    private protected readonly Parameter weight;

    private protected MaskedDenseLayer(IBackend backend, ElementType elementType, LayerSpec spec)
        : base(backend, elementType, spec)
    {
        weight = new Parameter(backend, elementType, WeightShape);
    }

    public override double[] ReadWeight() => weight.Read();
    public override double[] ReadMask() => weight.ReadMask();
    public override double[]? ReadWeightGradient() => weight.ReadGradient();
    public override void Assign(ReadOnlySpan<double> values, ReadOnlySpan<double> mask) => weight.Assign(values, mask);
    protected override TrainableParameter WeightParameter => weight.ToTrainable();

    public override void Dispose()
    {
        weight.Dispose();
        base.Dispose();
    }
}
