using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

// Dense convolution over a batch: the sparse convolution's reference with every kernel position stored (the
// dense kernel's row-major values are then its CSR values).
public abstract partial class BackendConformance
{
    [Theory, MemberData(nameof(Geometries))]
    public void Conv2d_matches_the_reference(ElementType type, ConvGeometry g)
    {
        var weight = Upload(type, Inputs.Uniform(61, SparseConvOutChannels * g.PatchLength));
        var x = Upload(type, Inputs.Uniform(62, SparseConvBatch * g.ImageLength));
        var y = Zeros(type, SparseConvBatch * SparseConvOutChannels * g.OutputPixels);
        Backend.Fill(y, double.NaN);
        Backend.Conv2d(g, SparseConvBatch, SparseConvOutChannels, weight.Buffer, x.Buffer, y);
        SparseConvolutionReference.Forward(g, SparseConvBatch, FullKernel(g), weight.Values, x.Values, Tolerances.UnitRoundoff(type)).Check(Read(y), "y");
    }

    [Theory, MemberData(nameof(Geometries))]
    public void Conv2dBackwardInput_matches_the_reference(ElementType type, ConvGeometry g)
    {
        var weight = Upload(type, Inputs.Uniform(63, SparseConvOutChannels * g.PatchLength));
        var dy = Upload(type, Inputs.Uniform(64, SparseConvBatch * SparseConvOutChannels * g.OutputPixels));
        var dx = Zeros(type, SparseConvBatch * g.ImageLength);
        Backend.Fill(dx, double.NaN);
        Backend.Conv2dBackwardInput(g, SparseConvBatch, SparseConvOutChannels, weight.Buffer, dy.Buffer, dx);
        SparseConvolutionReference.BackwardInput(g, SparseConvBatch, FullKernel(g), weight.Values, dy.Values, Tolerances.UnitRoundoff(type)).Check(Read(dx), "dx");
    }

    [Theory, MemberData(nameof(Geometries))]
    public void Conv2dBackwardWeight_matches_the_reference(ElementType type, ConvGeometry g)
    {
        var x = Upload(type, Inputs.Uniform(65, SparseConvBatch * g.ImageLength));
        var dy = Upload(type, Inputs.Uniform(66, SparseConvBatch * SparseConvOutChannels * g.OutputPixels));
        var dWeight = Zeros(type, SparseConvOutChannels * g.PatchLength);
        Backend.Fill(dWeight, double.NaN);
        Backend.Conv2dBackwardWeight(g, SparseConvBatch, SparseConvOutChannels, x.Buffer, dy.Buffer, dWeight);
        SparseConvolutionReference.BackwardWeight(g, SparseConvBatch, FullKernel(g), x.Values, dy.Values, Tolerances.UnitRoundoff(type)).Check(Read(dWeight), "dWeight");
    }

    [Fact]
    public void Conv2d_rejects_a_weight_of_the_wrong_length()
    {
        var g = new ConvGeometry(1, 4, 4, 3, 3, 1, 1, PaddingMode.Zeros);
        var error = Assert.Throws<EoiArgumentException>(() =>
            Backend.Conv2d(g, 1, 2, Upload(ElementType.Float64, new double[9]).Buffer, Upload(ElementType.Float64, new double[16]).Buffer, Zeros(ElementType.Float64, 32)));
        Assert.Contains("weight", error.Message);
    }

    /// <summary>Every position of the [SparseConvOutChannels, PatchLength] kernel.</summary>
    static SparsityPattern FullKernel(ConvGeometry g)
    {
        int rows = SparseConvOutChannels, cols = g.PatchLength;
        return new SparsityPattern(rows, cols, [.. Enumerable.Range(0, rows + 1).Select(r => r * cols)],
            [.. Enumerable.Range(0, rows * cols).Select(e => e % cols)]);
    }
}
