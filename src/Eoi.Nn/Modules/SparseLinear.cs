using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Core;
using Eoi.Core.Backend;
using Eoi.Nn.Functional;
using Eoi.Sparsity;

namespace Eoi.Nn.Modules;

/// <summary>
/// y = x W^T + b with W held only as CSR values over a fixed pattern (the autograd's sparse path): memory
/// and work follow the non-zeros, and gradients exist only on the pattern, so no mask is ever re-applied.
/// The pattern is built once per <see cref="Assign"/> from the mask; until then it is full (dense zeros).
/// A feature-major layer takes and gives [features, batch], which is how CSR products run without transposes:
/// a stack of them sits between two <see cref="Transpose"/> modules (<see cref="Models.Mlp"/> builds it so).
/// </summary>
public sealed class SparseLinear : WeightLayer
{
    SparseParameter weight;

    /// <param name="featureMajor">Input [inFeatures, batch] and output [outFeatures, batch] instead of
    /// [batch, inFeatures] and [batch, outFeatures].</param>
    public SparseLinear(IBackend backend, int inFeatures, int outFeatures, bool bias = true, ElementType elementType = ElementType.Float32,
                        bool featureMajor = false)
        : base(backend, elementType, LayerSpec.Linear("", outFeatures, inFeatures, bias))
    {
        FeatureMajor = featureMajor;
        weight = Build(new double[Spec.Count], Enumerable.Repeat(1.0, Spec.Count).ToArray());
    }

    public SparsityPattern Pattern => weight.Pattern;

    public bool FeatureMajor { get; }

    public override Tensor Forward(Tensor x)
    {
        if (!FeatureMajor)
        {
            var y = x.SparseLinear(weight);
            return Bias is null ? y : y.AddBias(Bias.Value);
        }
        var yT = x.SparseLinearFeatureMajor(weight);
        return Bias is null ? yT : yT.AddBias(Bias.Value, axis: 0);
    }

    public override double[] ReadWeight() => Scatter(HostTensors.Read(weight.Values));
    public override double[] ReadMask() => weight.Pattern.ToDenseMask().Data;
    public override double[]? ReadWeightGradient() => weight.Values.Grad is { } grad ? Scatter(HostTensors.Read(grad)) : null;

    public override void Assign(ReadOnlySpan<double> values, ReadOnlySpan<double> mask)
    {
        var rebuilt = Build(values, mask);
        weight.Dispose();
        weight = rebuilt;
    }

    protected override TrainableParameter WeightParameter => weight.Values;

    SparseParameter Build(ReadOnlySpan<double> values, ReadOnlySpan<double> mask) =>
        SparseParameter.FromCsr(Backend, MaskedCsr.Build(Spec.Out, Spec.In, values, mask), ElementType);

    /// <summary>Values in CSR order to a dense [out, in] array, zeros off the pattern.</summary>
    double[] Scatter(double[] csrValues) => new CsrMatrix(weight.Pattern, csrValues).ToDense().Data;

    public override void Dispose()
    {
        weight.Dispose();
        base.Dispose();
    }
}
