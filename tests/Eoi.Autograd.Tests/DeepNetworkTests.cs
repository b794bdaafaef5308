using Eoi.Backends;
using Eoi.Core;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests;

/// <summary>
/// 1000 layers make a graph 3000 tensors deep. The walk runs on a thread with a 256 KiB stack: a recursive
/// topological sort needs a frame per tensor on the path and overflows it, an iterative one does not.
/// </summary>
public class DeepNetworkTests
{
    const int Depth = 1000, Width = 16, Batch = 4;
    const int SmallStack = 256 * 1024;

    [Fact]
    public void ThousandLayerDenseMlpTrainsOnASmallStack() => OnSmallStack(() =>
    {
        using var scope = TensorScope.Begin();
        var weights = Enumerable.Range(0, Depth).Select(i => Leaf([Width, Width], NearIdentity(i))).ToArray();
        var biases = Enumerable.Range(0, Depth).Select(_ => Leaf([Width], new double[Width])).ToArray();
        var h = Tensor.FromArray(Cpu, [Batch, Width], Uniform(1, Batch * Width));
        for (int i = 0; i < Depth; i++) h = h.MatMul(weights[i], transposeB: true).AddBias(biases[i]).Tanh();
        h.Mean().Backward();
        AssertUsableGradient(weights[0]);
        AssertUsableGradient(biases[0]);
    });

    [Fact]
    public void ThousandLayerSparseMlpTrainsOnASmallStack() => OnSmallStack(() =>
    {
        using var scope = TensorScope.Begin();
        var pattern = RandomPattern(5, Width, Width, 0.25);
        var layers = Enumerable.Range(0, Depth)
            .Select(i => SparseParameter.FromCsr(Cpu, new CsrMatrix(pattern, Uniform(i, (int)pattern.NonZeros)), ElementType.Float64))
            .ToArray();
        var h = Tensor.FromArray(Cpu, [Batch, Width], Uniform(1, Batch * Width));
        for (int i = 0; i < Depth; i++) h = h.SparseLinear(layers[i]).Tanh();
        h.Mean().Backward();
        AssertUsableGradient(layers[^1].Values);
        Assert.NotNull(layers[0].Values.Grad);
        foreach (var layer in layers) layer.Dispose();
    });

    /// <summary>Identity plus small noise: tanh layers that neither explode nor kill the signal over 1000 layers.</summary>
    static double[] NearIdentity(int seed)
    {
        var w = Uniform(seed, Width * Width, -0.01, 0.01);
        for (int i = 0; i < Width; i++) w[i * Width + i] += 1;
        return w;
    }

    static void AssertUsableGradient(Tensor parameter)
    {
        var grad = Assert.IsType<Tensor>(parameter.Grad).ToArray<double>();
        Assert.All(grad, g => Assert.True(double.IsFinite(g)));
        Assert.Contains(grad, g => g != 0);
    }

    static void OnSmallStack(Action body)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { body(); }
            catch (Exception e) { failure = e; }
        }, SmallStack);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new Xunit.Sdk.XunitException($"the deep network failed on a {SmallStack / 1024} KiB stack: {failure}");
    }
}
