using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>
/// The kernel [outChannels, inChannels, kernelHeight, kernelWidth] of a static sparse convolution, held only
/// as CSR values over its fixed pattern, the pattern read as an [outChannels, inChannels * kh * kw] matrix
/// (PyTorch's weight layout flattened, the im2col row order). Only the im2col rows some stored entry uses are
/// ever built (<see cref="PatchRows"/>): a delta-orthogonal kernel, empty off its centre tap, builds one row
/// in kh * kw. The trainable values are <see cref="Values"/>, in the pattern's CSR order.
/// </summary>
public sealed class SparseConvWeight : IDisposable
{
    readonly SparseParameter compact;

    SparseConvWeight(SparsityPattern pattern, int inChannels, int kernelHeight, int kernelWidth, SparseParameter compact, DeviceBuffer patchRows)
    {
        Pattern = pattern;
        InChannels = inChannels;
        KernelHeight = kernelHeight;
        KernelWidth = kernelWidth;
        this.compact = compact;
        PatchRows = patchRows;
    }

    /// <summary>The stored positions over [outChannels, inChannels * kh * kw].</summary>
    public SparsityPattern Pattern { get; }
    public int OutChannels => Pattern.Rows;
    public int InChannels { get; }
    public int KernelHeight { get; }
    public int KernelWidth { get; }
    public int NonZeros => compact.NonZeros;

    /// <summary>Shape [NonZeros]; a leaf that requires grad: give it to the optimiser.</summary>
    public Tensor Values => compact.Values;

    /// <summary>How many im2col rows the kernel uses (at most inChannels * kh * kw).</summary>
    public int UsedPatchRows => PatchRows.Length;

    /// <summary>The kernel over the used rows only: [outChannels, UsedPatchRows], column q standing for im2col
    /// row PatchRows[q]; its values are <see cref="Values"/> in the same order.</summary>
    internal DeviceCsrPattern Structure => compact.Structure;
    internal DeviceCsrPattern TransposedStructure => compact.TransposedStructure;
    internal DeviceBuffer TransposeOrder => compact.TransposeOrder;
    internal DeviceBuffer PatchRows { get; }

    /// <param name="weight">[outChannels, inChannels * kernelHeight * kernelWidth], e.g. an EOI kernel's non-zeros;
    /// float64 values are rounded to <paramref name="elementType"/>.</param>
    public static SparseConvWeight FromCsr(IBackend backend, int inChannels, int kernelHeight, int kernelWidth, CsrMatrix weight,
                                           ElementType elementType = ElementType.Float32)
    {
        Guard.NotNull(backend, nameof(backend));
        Guard.NotNull(weight, nameof(weight));
        Guard.Positive(inChannels, nameof(inChannels));
        Guard.Positive(kernelHeight, nameof(kernelHeight));
        Guard.Positive(kernelWidth, nameof(kernelWidth));
        var pattern = weight.Pattern;
        long patchLength = (long)inChannels * kernelHeight * kernelWidth;
        if (pattern.Cols != patchLength)
            throw new EoiArgumentException(nameof(weight),
                $"weight must have inChannels * kernelHeight * kernelWidth = {patchLength} columns; got {pattern.Cols}");
        // Used columns in increasing order, and each one's compact index.
        var compactIndex = new int[pattern.Cols];
        Array.Fill(compactIndex, -1);
        foreach (int column in pattern.ColumnIndices) compactIndex[column] = 0;
        var used = new List<int>();
        for (int column = 0; column < pattern.Cols; column++)
            if (compactIndex[column] == 0)
            {
                compactIndex[column] = used.Count;
                used.Add(column);
            }
        // An empty kernel still needs a matrix with a column; its one unused row costs one im2col row.
        if (used.Count == 0) used.Add(0);
        var compactPattern = new SparsityPattern(pattern.Rows, used.Count, pattern.RowOffsets, Array.ConvertAll(pattern.ColumnIndices.ToArray(), c => compactIndex[c]));
        var compact = SparseParameter.FromCsr(backend, new CsrMatrix(compactPattern, weight.Values), elementType);
        var patchRows = backend.Allocate(ElementType.Int32, used.Count);
        backend.Upload<int>(used.ToArray(), patchRows);
        return new SparseConvWeight(pattern, inChannels, kernelHeight, kernelWidth, compact, patchRows);
    }

    /// <summary>The current kernel over [outChannels, inChannels * kh * kw], downloaded and widened to float64.</summary>
    public CsrMatrix ToCsrMatrix() => new(Pattern, compact.ToCsrMatrix().Values);

    public void Dispose()
    {
        compact.Dispose();
        PatchRows.Dispose();
    }
}
