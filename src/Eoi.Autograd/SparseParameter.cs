using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>
/// The weight [outFeatures, inFeatures] of a static sparse layer: its fixed <see cref="SparsityPattern"/> and
/// one trainable value per stored position (<see cref="Values"/>, in the pattern's CSR order). Besides W's
/// structure it keeps, built once, the structure of W^T and the order that maps W's values to W^T's
/// (<c>valuesT[q] = values[TransposeOrder[q]]</c>), which the backward pass needs for dx.
/// </summary>
public sealed class SparseParameter : IDisposable
{
    SparseParameter(SparsityPattern pattern, Tensor values, DeviceCsrPattern structure, DeviceCsrPattern transposedStructure, DeviceBuffer transposeOrder)
    {
        Pattern = pattern;
        Values = values;
        Structure = structure;
        TransposedStructure = transposedStructure;
        TransposeOrder = transposeOrder;
    }

    public SparsityPattern Pattern { get; }

    /// <summary>Shape [NonZeros]; a leaf that requires grad: give it to the optimiser.</summary>
    public Tensor Values { get; }

    public int OutFeatures => Pattern.Rows;
    public int InFeatures => Pattern.Cols;
    public int NonZeros => Values.Count;

    internal DeviceCsrPattern Structure { get; }
    internal DeviceCsrPattern TransposedStructure { get; }
    internal DeviceBuffer TransposeOrder { get; }

    /// <summary>Uploads a sparse weight (e.g. an EOI initialisation); its float64 values are rounded to
    /// <paramref name="elementType"/>.</summary>
    public static SparseParameter FromCsr(IBackend backend, CsrMatrix weight, ElementType elementType = ElementType.Float32)
    {
        Guard.NotNull(backend, nameof(backend));
        Guard.NotNull(weight, nameof(weight));
        var pattern = weight.Pattern;
        var transposed = pattern.Transpose();
        var values = elementType switch
        {
            ElementType.Float32 => Tensor.FromArray(backend, [weight.Values.Length], Array.ConvertAll(weight.Values.ToArray(), v => (float)v), requiresGrad: true),
            ElementType.Float64 => Tensor.FromArray(backend, [weight.Values.Length], weight.Values, requiresGrad: true),
            _ => throw new EoiArgumentException(nameof(elementType), $"elementType must be Float32 or Float64; got {elementType}"),
        };
        return new SparseParameter(pattern, values, Upload(backend, pattern), Upload(backend, transposed),
            UploadIndices(backend, TransposeOrderOf(pattern, transposed)));
    }

    /// <summary>The current weight, downloaded and widened to float64.</summary>
    public CsrMatrix ToCsrMatrix() =>
        new(Pattern, Values.ElementType == ElementType.Float32 ? Array.ConvertAll(Values.ToArray<float>(), v => (double)v) : Values.ToArray<double>());

    /// <summary>For each position q of W^T's CSR, the position of the same entry in W's CSR. Rows of W are
    /// visited in increasing order, so each row of W^T is filled front to back.</summary>
    static int[] TransposeOrderOf(SparsityPattern pattern, SparsityPattern transposed)
    {
        var next = transposed.RowOffsets[..^1].ToArray(); // the next free slot of each row of W^T
        var order = new int[pattern.ColumnIndices.Length];
        for (int r = 0; r < pattern.Rows; r++)
            for (int k = pattern.RowOffsets[r]; k < pattern.RowOffsets[r + 1]; k++)
                order[next[pattern.ColumnIndices[k]]++] = k;
        return order;
    }

    static DeviceCsrPattern Upload(IBackend backend, SparsityPattern pattern) =>
        new(pattern.Rows, pattern.Cols, UploadIndices(backend, pattern.RowOffsets), UploadIndices(backend, pattern.ColumnIndices));

    static DeviceBuffer UploadIndices(IBackend backend, ReadOnlySpan<int> indices)
    {
        var buffer = backend.Allocate(ElementType.Int32, indices.Length);
        backend.Upload<int>(indices, buffer);
        return buffer;
    }

    public void Dispose()
    {
        Values.Dispose();
        foreach (var structure in (ReadOnlySpan<DeviceCsrPattern>)[Structure, TransposedStructure])
        {
            structure.RowOffsets.Dispose();
            structure.ColumnIndices.Dispose();
        }
        TransposeOrder.Dispose();
    }
}
