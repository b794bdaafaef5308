using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

// Bias, log-softmax, negative log-likelihood, im2col / col2im and average pooling.
public abstract partial class BackendConformance
{
    /// <summary>A dense layer's (batch, features, 1), a convolution's (N, C, H*W), a whole-buffer sum, and a
    /// channel with more elements than one block of threads.</summary>
    public static TheoryData<ElementType, int, int, int> Layouts()
    {
        var data = new TheoryData<ElementType, int, int, int>();
        foreach (var type in new[] { ElementType.Float32, ElementType.Float64 })
            foreach (var (outer, channels, inner) in new[] { (6, 7, 1), (3, 4, 5), (1, 1, 10), (2, 3, 300) })
                data.Add(type, outer, channels, inner);
        return data;
    }

    [Theory, MemberData(nameof(Layouts))]
    public void BiasAdd_matches_the_reference(ElementType type, int outer, int channels, int inner)
    {
        var layout = new ChannelLayout(outer, channels, inner);
        var x = Upload(type, Inputs.Uniform(31, layout.Length));
        var bias = Upload(type, Inputs.Uniform(32, channels));
        var y = Zeros(type, layout.Length);
        Backend.BiasAdd(layout, x.Buffer, bias.Buffer, y);
        LayerReference.BiasAdd(layout, x.Values, bias.Values, Tolerances.UnitRoundoff(type)).Check(Read(y), "x + bias");
    }

    [Theory, MemberData(nameof(Layouts))]
    public void BiasGrad_matches_the_reference(ElementType type, int outer, int channels, int inner)
    {
        var layout = new ChannelLayout(outer, channels, inner);
        var dy = Upload(type, Inputs.Uniform(33, layout.Length));
        var dbias = Zeros(type, channels);
        Backend.BiasGrad(layout, dy.Buffer, dbias);
        LayerReference.BiasGrad(layout, dy.Values, Tolerances.UnitRoundoff(type)).Check(Read(dbias), "dbias");
    }

    public static TheoryData<ElementType, int, int, double> SoftmaxCases()
    {
        var data = new TheoryData<ElementType, int, int, double>();
        foreach (var type in new[] { ElementType.Float32, ElementType.Float64 })
            foreach (var (rows, cols, spread) in new[] { (4, 10, 3.0), (3, 1, 3.0), (2, 37, 3.0), (5, 10, 500.0) })
                data.Add(type, rows, cols, spread);
        return data;
    }

    /// <summary>A spread of 500 would overflow exp without the max shift.</summary>
    [Theory, MemberData(nameof(SoftmaxCases))]
    public void LogSoftmax_matches_the_reference(ElementType type, int rows, int cols, double spread)
    {
        var x = Upload(type, Inputs.Uniform(rows * cols, rows * cols, -spread, spread));
        var y = Zeros(type, rows * cols);
        Backend.LogSoftmax(rows, cols, x.Buffer, y);
        LayerReference.LogSoftmax(rows, cols, x.Values, Tolerances.UnitRoundoff(type)).Check(Read(y), "log_softmax");
    }

    [Theory, MemberData(nameof(SoftmaxCases))]
    public void LogSoftmaxBackward_matches_the_reference(ElementType type, int rows, int cols, double spread)
    {
        var x = Upload(type, Inputs.Uniform(rows * cols, rows * cols, -spread, spread));
        var y = Zeros(type, rows * cols);
        Backend.LogSoftmax(rows, cols, x.Buffer, y);
        var dy = Upload(type, Inputs.Uniform(34, rows * cols));
        var dx = Zeros(type, rows * cols);
        Backend.LogSoftmaxBackward(rows, cols, y, dy.Buffer, dx);
        LayerReference.LogSoftmaxBackward(rows, cols, Read(y), dy.Values, Tolerances.UnitRoundoff(type)).Check(Read(dx), "log_softmax'");
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void NllLoss_and_its_gradient_match_the_reference(ElementType type)
    {
        const int rows = 33, cols = 10;
        var logProbs = Upload(type, Inputs.Uniform(35, rows * cols, -5, 0));
        int[] labels = Inputs.Labels(36, rows, cols);
        var targets = UploadInts(labels);
        var loss = Zeros(type, 1);
        double u = Tolerances.UnitRoundoff(type);
        Backend.NllLoss(rows, cols, logProbs.Buffer, targets, loss);
        LayerReference.NllLoss(rows, cols, logProbs.Values, labels, u).Check(Read(loss), "loss");

        var dLoss = Upload(type, [0.7]);
        var dLogProbs = Zeros(type, rows * cols);
        Backend.Fill(dLogProbs, double.NaN);
        Backend.NllLossBackward(rows, cols, targets, dLoss.Buffer, dLogProbs);
        LayerReference.NllLossBackward(rows, cols, labels, dLoss.Values[0], u).Check(Read(dLogProbs), "dLogProbs");
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void NllLoss_rejects_a_target_out_of_range(ElementType type)
    {
        var logProbs = Upload(type, Inputs.Uniform(37, 2 * 3, -5, 0));
        var targets = UploadInts([0, 3]);
        var loss = Zeros(type, 1);
        var error = Assert.Throws<EoiArgumentException>(() =>
        {
            Backend.NllLoss(2, 3, logProbs.Buffer, targets, loss);
            Read(loss);
        });
        Assert.Contains("targets[1]", error.Message);
        Assert.Throws<EoiArgumentException>(() =>
        {
            Backend.NllLossBackward(2, 3, targets, Upload(type, [1]).Buffer, Zeros(type, 2 * 3));
            Read(loss);
        });
    }

    /// <summary>Zero and circular padding, strides 1 and 2, a non-square kernel, padding as wide as the image
    /// (every border wraps), and a 1x1 kernel.</summary>
    public static TheoryData<ElementType, ConvGeometry> Geometries()
    {
        ConvGeometry[] geometries =
        [
            new(2, 5, 6, 3, 3, 1, 1, PaddingMode.Zeros), new(2, 5, 6, 3, 3, 2, 1, PaddingMode.Circular),
            new(1, 4, 4, 2, 3, 1, 0, PaddingMode.Zeros), new(3, 6, 5, 3, 3, 1, 2, PaddingMode.Circular),
            new(1, 3, 3, 3, 3, 1, 3, PaddingMode.Circular), new(2, 7, 7, 1, 1, 2, 0, PaddingMode.Zeros),
        ];
        var data = new TheoryData<ElementType, ConvGeometry>();
        foreach (var type in new[] { ElementType.Float32, ElementType.Float64 })
            foreach (var g in geometries) data.Add(type, g);
        return data;
    }

    [Theory, MemberData(nameof(Geometries))]
    public void Im2Col_matches_the_reference(ElementType type, ConvGeometry g)
    {
        var image = Upload(type, Inputs.Uniform(41, g.ImageLength));
        var columns = Zeros(type, g.ColumnsLength);
        Backend.Im2Col(g, image.Buffer, columns);
        ConvolutionReference.Im2Col(g, image.Values).Check(Read(columns), "columns");
    }

    [Theory, MemberData(nameof(Geometries))]
    public void Col2Im_matches_the_reference(ElementType type, ConvGeometry g)
    {
        var columns = Upload(type, Inputs.Uniform(42, g.ColumnsLength));
        var image = Zeros(type, g.ImageLength);
        Backend.Fill(image, double.NaN);
        Backend.Col2Im(g, columns.Buffer, image);
        ConvolutionReference.Col2Im(g, columns.Values, Tolerances.UnitRoundoff(type)).Check(Read(image), "image");
    }

    public static TheoryData<ElementType, PoolGeometry> Pools()
    {
        PoolGeometry[] pools = [new(3, 6, 6, 2, 2), new(2, 7, 5, 3, 2), new(1, 4, 4, 4, 1), new(2, 5, 5, 2, 1)];
        var data = new TheoryData<ElementType, PoolGeometry>();
        foreach (var type in new[] { ElementType.Float32, ElementType.Float64 })
            foreach (var g in pools) data.Add(type, g);
        return data;
    }

    [Theory, MemberData(nameof(Pools))]
    public void AveragePool_matches_the_reference(ElementType type, PoolGeometry g)
    {
        var x = Upload(type, Inputs.Uniform(43, g.InputLength));
        var y = Zeros(type, g.OutputLength);
        Backend.AveragePool(g, x.Buffer, y);
        ConvolutionReference.AveragePool(g, x.Values, Tolerances.UnitRoundoff(type)).Check(Read(y), "pooled");
    }

    [Theory, MemberData(nameof(Pools))]
    public void AveragePoolBackward_matches_the_reference(ElementType type, PoolGeometry g)
    {
        var dy = Upload(type, Inputs.Uniform(44, g.OutputLength));
        var dx = Zeros(type, g.InputLength);
        Backend.Fill(dx, double.NaN);
        Backend.AveragePoolBackward(g, dy.Buffer, dx);
        ConvolutionReference.AveragePoolBackward(g, dy.Values, Tolerances.UnitRoundoff(type)).Check(Read(dx), "dx");
    }
}
