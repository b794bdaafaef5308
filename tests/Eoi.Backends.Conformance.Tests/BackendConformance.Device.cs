using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

// Sums along an axis and broadcasts, max pooling, batch normalisation and the accuracy count: the operations
// that keep a training step on the device.
public abstract partial class BackendConformance
{
    /// <summary>Middle, first, last and whole-buffer axes, an axis longer than one block of threads, an empty one.</summary>
    public static TheoryData<ElementType, int, int, int, double> AxisLayouts()
    {
        var data = new TheoryData<ElementType, int, int, int, double>();
        foreach (var type in new[] { ElementType.Float32, ElementType.Float64 })
            foreach (var (outer, reduced, inner, scale) in new[] { (3, 4, 5, 1.0), (1, 6, 7, 0.25), (5, 9, 1, 1.0 / 3), (1, 40, 1, -2.0), (2, 300, 3, 1.0), (2, 0, 3, 1.0) })
                data.Add(type, outer, reduced, inner, scale);
        return data;
    }

    [Theory, MemberData(nameof(AxisLayouts))]
    public void SumAxis_matches_the_reference(ElementType type, int outer, int reduced, int inner, double scale)
    {
        var layout = new ReductionLayout(outer, reduced, inner);
        var x = Upload(type, Inputs.Uniform(61, layout.Length));
        var y = Zeros(type, layout.ReducedLength);
        Backend.Fill(y, double.NaN);
        Backend.SumAxis(layout, scale, x.Buffer, y);
        DeviceReference.SumAxis(layout, scale, x.Values, Tolerances.UnitRoundoff(type)).Check(Read(y), "sum");
    }

    [Theory, MemberData(nameof(AxisLayouts))]
    public void BroadcastAxis_matches_the_reference(ElementType type, int outer, int reduced, int inner, double scale)
    {
        var layout = new ReductionLayout(outer, reduced, inner);
        var x = Upload(type, Inputs.Uniform(62, layout.ReducedLength));
        var y = Zeros(type, layout.Length);
        Backend.Fill(y, double.NaN);
        Backend.BroadcastAxis(layout, scale, x.Buffer, y);
        DeviceReference.BroadcastAxis(layout, Inputs.Round(type, scale), x.Values, Tolerances.UnitRoundoff(type)).Check(Read(y), "broadcast");
    }

    [Theory, MemberData(nameof(Pools))]
    public void MaxPool_and_its_gradient_match_the_reference(ElementType type, PoolGeometry g)
    {
        var x = Upload(type, Inputs.Uniform(63, g.InputLength));
        var y = Zeros(type, g.OutputLength);
        var argMax = Track(Backend.Allocate(ElementType.Int32, g.OutputLength));
        Backend.MaxPool(g, x.Buffer, y, argMax);
        var (values, positions) = DeviceReference.MaxPool(g, x.Values);
        Expected.Exact(values).Check(Read(y), "pooled");
        Assert.Equal(positions, ReadInts(argMax));

        var dy = Upload(type, Inputs.Uniform(64, g.OutputLength));
        var dx = Zeros(type, g.InputLength);
        Backend.Fill(dx, double.NaN);
        Backend.MaxPoolBackward(g, dy.Buffer, argMax, dx);
        DeviceReference.MaxPoolBackward(g, dy.Values, positions, Tolerances.UnitRoundoff(type)).Check(Read(dx), "dx");
    }

    /// <summary>Ties go to the first maximum in row-major window order; a NaN beats every number.</summary>
    [Theory, MemberData(nameof(FloatTypes))]
    public void MaxPool_takes_the_first_maximum_and_propagates_NaN(ElementType type)
    {
        var g = new PoolGeometry(1, 2, 4, 2, 2);
        var x = Upload(type, [3, 1, 2, double.NaN, 0, 3, 5, 2]);
        var y = Zeros(type, 2);
        var argMax = Track(Backend.Allocate(ElementType.Int32, 2));
        Backend.MaxPool(g, x.Buffer, y, argMax);
        var pooled = Read(y);
        Assert.Equal(3, pooled[0]);
        Assert.True(double.IsNaN(pooled[1]));
        Assert.Equal([0, 3], ReadInts(argMax));
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void MaxPoolBackward_rejects_a_position_outside_the_plane(ElementType type)
    {
        var g = new PoolGeometry(1, 2, 2, 2, 2);
        var dx = Zeros(type, 4);
        var error = Assert.Throws<EoiArgumentException>(() =>
        {
            Backend.MaxPoolBackward(g, Upload(type, [1]).Buffer, UploadInts([4]), dx);
            Read(dx);
        });
        Assert.Contains("argMax must lie in [0, 3]", error.Message);
    }

    /// <summary>BatchNorm1d's (batch, features, 1), BatchNorm2d's (N, C, H*W), one sample per channel, and a
    /// channel longer than one block of threads.</summary>
    static readonly (int Outer, int Channels, int Inner)[] NormShapes = [(6, 7, 1), (3, 4, 5), (1, 3, 1), (2, 3, 300)];

    public static TheoryData<ElementType, int, int, int> NormLayouts()
    {
        var data = new TheoryData<ElementType, int, int, int>();
        foreach (var type in new[] { ElementType.Float32, ElementType.Float64 })
            foreach (var (outer, channels, inner) in NormShapes)
                data.Add(type, outer, channels, inner);
        return data;
    }

    const double NormEpsilon = 1e-5;

    [Theory, MemberData(nameof(NormLayouts))]
    public void ChannelMoments_match_the_reference(ElementType type, int outer, int channels, int inner)
    {
        var layout = new ChannelLayout(outer, channels, inner);
        var x = Upload(type, Inputs.Uniform(65, layout.Length, -1, 3));
        var mean = Zeros(type, channels);
        var variance = Zeros(type, channels);
        Backend.ChannelMoments(layout, x.Buffer, mean, variance);
        var (expectedMean, expectedVariance) = DeviceReference.Moments(layout, x.Values, Tolerances.UnitRoundoff(type));
        expectedMean.Check(Read(mean), "mean");
        expectedVariance.Check(Read(variance), "variance");
    }

    [Theory, MemberData(nameof(NormLayouts))]
    public void BatchNormalize_matches_the_reference(ElementType type, int outer, int channels, int inner)
    {
        var layout = new ChannelLayout(outer, channels, inner);
        var x = Upload(type, Inputs.Uniform(66, layout.Length, -1, 3));
        var mean = Upload(type, Inputs.Uniform(67, channels));
        var variance = Upload(type, Inputs.Uniform(68, channels, 0.1, 2));
        var gamma = Upload(type, Inputs.Uniform(69, channels, 0.5, 1.5));
        var beta = Upload(type, Inputs.Uniform(70, channels));
        var y = Zeros(type, layout.Length);
        Backend.BatchNormalize(layout, NormEpsilon, x.Buffer, mean.Buffer, variance.Buffer, gamma.Buffer, beta.Buffer, y);
        DeviceReference.BatchNormalize(layout, NormEpsilon, x.Values, mean.Values, variance.Values, gamma.Values, beta.Values, Tolerances.UnitRoundoff(type))
            .Check(Read(y), "y");
    }

    public static TheoryData<ElementType, int, int, int, bool> NormBackwardCases()
    {
        var data = new TheoryData<ElementType, int, int, int, bool>();
        foreach (var type in new[] { ElementType.Float32, ElementType.Float64 })
            foreach (var (outer, channels, inner) in NormShapes)
                foreach (bool batchStatistics in new[] { true, false })
                    data.Add(type, outer, channels, inner, batchStatistics);
        return data;
    }

    /// <summary>With the batch's own moments (training) and with fixed ones (evaluation).</summary>
    [Theory, MemberData(nameof(NormBackwardCases))]
    public void BatchNormalizeBackward_matches_the_reference(ElementType type, int outer, int channels, int inner, bool batchStatistics)
    {
        var layout = new ChannelLayout(outer, channels, inner);
        double u = Tolerances.UnitRoundoff(type);
        var x = Upload(type, Inputs.Uniform(71, layout.Length, -1, 3));
        var (batchMean, batchVariance) = DeviceReference.Moments(layout, x.Values, u);
        var mean = Upload(type, batchStatistics ? batchMean.Values : Inputs.Uniform(72, channels));
        var variance = Upload(type, batchStatistics ? batchVariance.Values : Inputs.Uniform(73, channels, 0.1, 2));
        var gamma = Upload(type, Inputs.Uniform(74, channels, 0.5, 1.5));
        var dy = Upload(type, Inputs.Uniform(75, layout.Length));
        var dx = Zeros(type, layout.Length);
        var dgamma = Zeros(type, channels);
        var dbeta = Zeros(type, channels);
        foreach (var output in new[] { dx, dgamma, dbeta }) Backend.Fill(output, double.NaN);
        Backend.BatchNormalizeBackward(layout, NormEpsilon, batchStatistics, x.Buffer, mean.Buffer, variance.Buffer, gamma.Buffer, dy.Buffer, dx, dgamma, dbeta);
        var (expectedDx, expectedDgamma, expectedDbeta) = DeviceReference.BatchNormalizeBackward(layout, NormEpsilon, batchStatistics,
            x.Values, mean.Values, variance.Values, gamma.Values, dy.Values, u);
        expectedDx.Check(Read(dx), "dx");
        expectedDgamma.Check(Read(dgamma), "dgamma");
        expectedDbeta.Check(Read(dbeta), "dbeta");
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void Batch_normalisation_needs_a_value_per_channel(ElementType type)
    {
        var layout = new ChannelLayout(0, 2, 3);
        var empty = Zeros(type, 0);
        var two = Zeros(type, 2);
        var error = Assert.Throws<EoiArgumentException>(() => Backend.ChannelMoments(layout, empty, two, Zeros(type, 2)));
        Assert.Contains("at least one value per channel", error.Message);
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void CountCorrect_matches_the_reference(ElementType type)
    {
        const int rows = 40, cols = 4;
        // Scores from a few levels, so that many rows hold ties.
        var levels = Inputs.Labels(76, rows * cols, 3).Select(v => (double)v).ToArray();
        var scores = Upload(type, levels);
        int[] labels = Inputs.Labels(77, rows, cols);
        var count = Zeros(type, 1);
        Backend.CountCorrect(rows, cols, scores.Buffer, UploadInts(labels), count);
        Assert.Equal([DeviceReference.CountCorrect(rows, cols, levels, labels)], Read(count));
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void CountCorrect_rejects_a_target_out_of_range(ElementType type)
    {
        var count = Zeros(type, 1);
        var error = Assert.Throws<EoiArgumentException>(() =>
        {
            Backend.CountCorrect(2, 3, Upload(type, Inputs.Uniform(78, 6)).Buffer, UploadInts([0, 3]), count);
            Read(count);
        });
        Assert.Contains("targets[1]", error.Message);
    }

    [Fact]
    public void Synchronize_returns_once_queued_work_has_run()
    {
        var buffer = Zeros(ElementType.Float32, 1000);
        Backend.Fill(buffer, 2);
        Backend.Synchronize();
        Assert.All(Read(buffer), v => Assert.Equal(2, v));
    }
}
