using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Functional;
using Eoi.Sparsity;

namespace Eoi.Nn.Modules;

/// <summary>
/// y = x W^T + b with W held only as CSR values over a fixed pattern (the autograd's sparse path): memory
/// and work follow the non-zeros, and gradients exist only on the pattern, so no mask is ever re-applied.
/// The pattern is built once per <see cref="Assign"/> from the mask (or read from a checkpoint); until then it is
/// empty, a layer of zeros that holds nothing: a full placeholder pattern, replaced at initialisation anyway, cost
/// a 1000-layer network 300 MB at its start.
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
        weight = SparseParameter.FromCsr(backend, new CsrMatrix(new SparsityPattern(outFeatures, inFeatures, new int[outFeatures + 1], []), []), elementType);
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
    public override double[] ReadMask() => weight.Pattern.ToDenseMask().Data.ToArray();
    public override double[]? ReadWeightGradient() => weight.Values.Grad is { } grad ? Scatter(HostTensors.Read(grad)) : null;

    public override CsrMatrix? ReadSparseWeight() => new(weight.Pattern, HostTensors.Read(weight.Values));

    public override long NonZeroWeights => weight.Pattern.NonZeros;

    public override void Assign(ReadOnlySpan<double> values, ReadOnlySpan<double> mask) => Replace(Build(values, mask));

    public override void Assign(CsrMatrix weight)
    {
        RequireShape(weight);
        Replace(SparseParameter.FromCsr(Backend, weight, ElementType));
    }

    void Replace(SparseParameter rebuilt)
    {
        weight.Dispose();
        weight = rebuilt;
    }

    protected override TrainableParameter WeightParameter => weight.Values;

    /// <summary>Pattern indices are saved as float32, which holds every integer below 2^24 exactly.</summary>
    const int ExactFloat32Integers = 1 << 24;

    /// <summary>Saves the weight as its pattern and values only (size proportional to the non-zeros):
    /// "weight_values" [nnz] in CSR order, "weight_row_counts" [out] and "weight_columns" [nnz], the pattern's
    /// non-zeros per row and column indices, as float32 (exact for any layer narrower than 2^24 inputs).</summary>
    protected override void ExportWeight(string prefix, IDictionary<string, NdArray> state)
    {
        var pattern = weight.Pattern;
        if (pattern.Cols >= ExactFloat32Integers)
            throw new EoiArgumentException("layer", $"a checkpointed sparse layer must have fewer than {ExactFloat32Integers} inputs (its column indices are saved as float32); got {pattern.Cols}");
        var counts = new double[pattern.Rows];
        for (int r = 0; r < pattern.Rows; r++) counts[r] = pattern.RowOffsets[r + 1] - pattern.RowOffsets[r];
        state[Join(prefix, "weight_values")] = new NdArray([(int)pattern.NonZeros], HostTensors.ElementTypeOf(ElementType), HostTensors.Read(weight.Values));
        state[Join(prefix, "weight_row_counts")] = new NdArray([pattern.Rows], ElementType.Float32, counts);
        state[Join(prefix, "weight_columns")] = new NdArray([(int)pattern.NonZeros], ElementType.Float32, Array.ConvertAll(pattern.ColumnIndices.ToArray(), c => (double)c));
    }

    /// <summary>Restores what <see cref="ExportWeight"/> saved, or a dense "weight" and "mask" pair (the
    /// layout of checkpoints before eoi-checkpoint-2).</summary>
    protected override void ImportWeight(string prefix, IReadOnlyDictionary<string, NdArray> state)
    {
        if (state.ContainsKey(Join(prefix, "weight")))
        {
            base.ImportWeight(prefix, state);
            return;
        }
        int rows = Spec.Out, cols = Spec.In;
        var counts = Entry(state, Join(prefix, "weight_row_counts"), [rows]).Data;
        var offsets = new int[rows + 1];
        for (int r = 0; r < rows; r++)
        {
            if (counts[r] < 0 || counts[r] > cols || counts[r] != Math.Floor(counts[r]))
                throw new EoiArgumentException(nameof(state), $"saved state entry '{Join(prefix, "weight_row_counts")}' must hold whole numbers in [0, {cols}]; got {counts[r]:R} for row {r}");
            offsets[r + 1] = offsets[r] + (int)counts[r];
        }
        var columns = Entry(state, Join(prefix, "weight_columns"), [offsets[rows]]).Data;
        var indices = new int[columns.Length];
        for (int k = 0; k < columns.Length; k++)
        {
            if (columns[k] < 0 || columns[k] >= cols || columns[k] != Math.Floor(columns[k]))
                throw new EoiArgumentException(nameof(state), $"saved state entry '{Join(prefix, "weight_columns")}' must hold whole numbers in [0, {cols - 1}]; got {columns[k]:R} at {k}");
            indices[k] = (int)columns[k];
        }
        var values = Entry(state, Join(prefix, "weight_values"), [offsets[rows]]).Data;
        Replace(SparseParameter.FromCsr(Backend, new CsrMatrix(new SparsityPattern(rows, cols, offsets, indices), values), ElementType));
    }

    SparseParameter Build(ReadOnlySpan<double> values, ReadOnlySpan<double> mask) =>
        SparseParameter.FromCsr(Backend, MaskedCsr.Build(Spec.Out, Spec.In, values, mask), ElementType);

    /// <summary>Values in CSR order to a dense [out, in] array, zeros off the pattern.</summary>
    double[] Scatter(double[] csrValues) => new CsrMatrix(weight.Pattern, csrValues).ToDense().Data.ToArray();

    public override void Dispose()
    {
        weight.Dispose();
        base.Dispose();
    }
}
