using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Functional;
using Eoi.Sparsity;

namespace Eoi.Nn.Modules;

/// <summary>
/// The uniform view of a Linear, SparseLinear or Conv2d layer that initialisers, mask methods, analysis and
/// checkpoints work through: its <see cref="LayerSpec"/> (PyTorch's weight layout) and the weight and mask as
/// dense float64 arrays in that shape's row-major order, whatever the layer stores internally.
/// </summary>
public abstract class WeightLayer : Module
{
    /// <param name="spec">The weight's shape; its name is replaced by the layer's path in
    /// <see cref="Module.WeightLayers"/>.</param>
    protected WeightLayer(IBackend backend, ElementType elementType, LayerSpec spec)
    {
        Guard.NotNull(backend, nameof(backend));
        Backend = backend;
        ElementType = elementType;
        Spec = spec;
        Bias = spec.HasBias ? new Parameter(backend, elementType, [spec.Out]) : null;
    }

    public IBackend Backend { get; }
    public ElementType ElementType { get; }
    public LayerSpec Spec { get; }
    public Shape WeightShape => Spec.Shape;
    public Parameter? Bias { get; }

    /// <summary>The weight, zeros off the mask.</summary>
    public abstract double[] ReadWeight();

    /// <summary>The 0/1 mask; all ones for a dense layer.</summary>
    public abstract double[] ReadMask();

    /// <summary>dLoss/dWeight from the last backward, zeros off the mask; null before any.</summary>
    public abstract double[]? ReadWeightGradient();

    /// <summary>Sets the weight and its fixed mask (a layer's whole sparse structure); weight values off the
    /// mask are dropped.</summary>
    public abstract void Assign(ReadOnlySpan<double> weight, ReadOnlySpan<double> mask);

    /// <summary>The weight as CSR over its mask's positions, out x (in * kh * kw), when the layer stores it so
    /// (read without a dense copy); null for a layer stored dense.</summary>
    public virtual CsrMatrix? ReadSparseWeight() => null;

    /// <summary>Sets the weight and its fixed mask from CSR, out x (in * kh * kw): the mask is the pattern,
    /// the weight its values (an explicit zero on the pattern stays trainable). A layer that stores CSR takes it
    /// without a dense copy; the others get the dense pair.</summary>
    public virtual void Assign(CsrMatrix weight)
    {
        RequireShape(weight);
        Assign(weight.ToDense().Data, weight.Pattern.ToDenseMask().Data);
    }

    protected void RequireShape(CsrMatrix weight)
    {
        Guard.NotNull(weight, nameof(weight));
        if (weight.Rows != Spec.Out || weight.Cols != Spec.FanIn)
            throw new EoiArgumentException(nameof(weight), $"weight must be {Spec.Out} x {Spec.FanIn} (out x in * kh * kw); got {weight.Rows} x {weight.Cols}");
    }

    /// <summary>Number of trainable weights (the mask's ones).</summary>
    public virtual long NonZeroWeights => ReadMask().LongCount(m => m != 0);

    protected abstract TrainableParameter WeightParameter { get; }

    protected override IEnumerable<(string Name, TrainableParameter Parameter)> OwnParameters =>
        Bias is null ? [("weight", WeightParameter)] : [("weight", WeightParameter), ("bias", Bias.ToTrainable())];

    protected override void ExportOwnState(string prefix, IDictionary<string, NdArray> state)
    {
        ExportWeight(prefix, state);
        if (Bias is not null) state[Join(prefix, "bias")] = new NdArray([Spec.Out], HostTensors.ElementTypeOf(ElementType), Bias.Read());
    }

    protected override void ImportOwnState(string prefix, IReadOnlyDictionary<string, NdArray> state)
    {
        ImportWeight(prefix, state);
        Bias?.Assign(Entry(state, Join(prefix, "bias"), [Spec.Out]).Data);
    }

    /// <summary>Saves the weight and its mask; dense "weight" and "mask" entries in the weight's shape.</summary>
    protected virtual void ExportWeight(string prefix, IDictionary<string, NdArray> state)
    {
        var shape = Spec.Shape;
        state[Join(prefix, "weight")] = new NdArray(shape, HostTensors.ElementTypeOf(ElementType), ReadWeight());
        state[Join(prefix, "mask")] = new NdArray(shape, ElementType.Bool, ReadMask());
    }

    /// <summary>Restores what <see cref="ExportWeight"/> saved.</summary>
    protected virtual void ImportWeight(string prefix, IReadOnlyDictionary<string, NdArray> state)
    {
        var shape = WeightShape;
        Assign(Entry(state, Join(prefix, "weight"), shape).Data, Entry(state, Join(prefix, "mask"), shape).Data);
    }

    public override void Dispose()
    {
        Bias?.Dispose();
        base.Dispose();
    }
}
