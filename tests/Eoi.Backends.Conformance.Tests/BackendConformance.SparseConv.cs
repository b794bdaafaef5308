using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

// Sparse convolution: a CSR kernel over the im2col rows it uses, against SparseConvolutionReference.
public abstract partial class BackendConformance
{
    /// <summary>Every conv geometry of <see cref="Geometries"/> at density 0.5 (some rows unused) and 1, batch 3.</summary>
    public static TheoryData<ElementType, ConvGeometry, double> SparseConvCases()
    {
        var data = new TheoryData<ElementType, ConvGeometry, double>();
        foreach (var row in Geometries())
            foreach (double density in new[] { 0.5, 1.0 })
                data.Add(row.Data.Item1, row.Data.Item2, density);
        return data;
    }

    const int SparseConvBatch = 3, SparseConvOutChannels = 4;

    [Theory, MemberData(nameof(SparseConvCases))]
    public void SparseConv2d_matches_the_reference(ElementType type, ConvGeometry g, double density)
    {
        var kernel = SparseKernel(g, density, out var patchRows, out var compact);
        var values = Upload(type, Inputs.Uniform(51, (int)kernel.NonZeros));
        var x = Upload(type, Inputs.Uniform(52, SparseConvBatch * g.ImageLength));
        var y = Zeros(type, SparseConvBatch * SparseConvOutChannels * g.OutputPixels);
        Backend.Fill(y, double.NaN);
        Backend.SparseConv2d(g, SparseConvBatch, compact, values.Buffer, patchRows, x.Buffer, y);
        SparseConvolutionReference.Forward(g, SparseConvBatch, kernel, values.Values, x.Values, Tolerances.UnitRoundoff(type)).Check(Read(y), "y");
    }

    [Theory, MemberData(nameof(SparseConvCases))]
    public void SparseConv2dBackwardInput_matches_the_reference(ElementType type, ConvGeometry g, double density)
    {
        var kernel = SparseKernel(g, density, out var patchRows, out _);
        var values = Upload(type, Inputs.Uniform(53, (int)kernel.NonZeros));
        var transposedKernel = new CsrMatrix(CompactPattern(kernel, out _), values.Values).Transpose();
        var transposed = Upload(transposedKernel.Pattern);
        var transposedValues = Upload(type, transposedKernel.Values.ToArray());
        var dy = Upload(type, Inputs.Uniform(54, SparseConvBatch * SparseConvOutChannels * g.OutputPixels));
        var dx = Zeros(type, SparseConvBatch * g.ImageLength);
        Backend.Fill(dx, double.NaN);
        Backend.SparseConv2dBackwardInput(g, SparseConvBatch, transposed, transposedValues.Buffer, patchRows, dy.Buffer, dx);
        SparseConvolutionReference.BackwardInput(g, SparseConvBatch, kernel, values.Values, dy.Values, Tolerances.UnitRoundoff(type)).Check(Read(dx), "dx");
    }

    [Theory, MemberData(nameof(SparseConvCases))]
    public void SparseConv2dBackwardWeight_matches_the_reference(ElementType type, ConvGeometry g, double density)
    {
        var kernel = SparseKernel(g, density, out var patchRows, out var compact);
        var x = Upload(type, Inputs.Uniform(55, SparseConvBatch * g.ImageLength));
        var dy = Upload(type, Inputs.Uniform(56, SparseConvBatch * SparseConvOutChannels * g.OutputPixels));
        var dValues = Zeros(type, (int)kernel.NonZeros);
        Backend.Fill(dValues, double.NaN);
        Backend.SparseConv2dBackwardWeight(g, SparseConvBatch, compact, patchRows, x.Buffer, dy.Buffer, dValues);
        SparseConvolutionReference.BackwardWeight(g, SparseConvBatch, kernel, x.Values, dy.Values, Tolerances.UnitRoundoff(type)).Check(Read(dValues), "dWeight");
    }

    [Fact]
    public void SparseConv2d_rejects_patch_rows_out_of_order()
    {
        var g = new ConvGeometry(1, 4, 4, 3, 3, 1, 1, PaddingMode.Zeros);
        var compact = Upload(new SparsityPattern(1, 2, [0, 2], [0, 1]));
        var values = Upload(ElementType.Float64, [1, 2]);
        var error = Assert.Throws<EoiArgumentException>(() =>
        {
            Backend.SparseConv2d(g, 1, compact, values.Buffer, UploadInts([4, 2]), Upload(ElementType.Float64, new double[16]).Buffer, Zeros(ElementType.Float64, 16));
            Read(values.Buffer);
        });
        Assert.Contains("patchRows", error.Message);
    }

    /// <summary>A random kernel [SparseConvOutChannels, PatchLength]; patchRows and the compact structure the
    /// backend takes (columns renumbered over the used rows).</summary>
    SparsityPattern SparseKernel(ConvGeometry g, double density, out DeviceBuffer patchRows, out DeviceCsrPattern compact)
    {
        var kernel = Inputs.Pattern(57, SparseConvOutChannels, g.PatchLength, density);
        compact = Upload(CompactPattern(kernel, out var used));
        patchRows = UploadInts(used);
        return kernel;
    }

    static SparsityPattern CompactPattern(SparsityPattern kernel, out int[] used)
    {
        used = [.. kernel.ColumnIndices.ToArray().Distinct().Order()];
        var index = used.Select((row, q) => (row, q)).ToDictionary(t => t.row, t => t.q);
        return new SparsityPattern(kernel.Rows, used.Length, kernel.RowOffsets, [.. kernel.ColumnIndices.ToArray().Select(c => index[c])]);
    }
}
