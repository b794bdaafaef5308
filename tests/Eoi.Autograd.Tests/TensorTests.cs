using Eoi.Backends;
using Eoi.Core;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests;

public class TensorTests
{
    [Fact]
    public void Float32RoundTrips()
    {
        var t = Tensor.FromArray(Cpu, [2, 2], new[] { 1f, -2f, 3.5f, 0f });
        Assert.Equal(ElementType.Float32, t.ElementType);
        Assert.Equal([1f, -2f, 3.5f, 0f], t.ToArray<float>());
    }

    [Fact]
    public void ShapeMismatchNamesBothShapes()
    {
        var a = Tensor.Zeros(Cpu, [2, 3]);
        var b = Tensor.Zeros(Cpu, [3, 2]);
        var error = Assert.Throws<EoiArgumentException>(() => a.Add(b));
        Assert.Equal("b", error.ParameterName);
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("[3, 2]", error.Message);
        var product = Assert.Throws<EoiArgumentException>(() => a.MatMul(a));
        Assert.Contains("[2, 3]", product.Message);
    }

    [Fact]
    public void MixedElementTypesAreRejected()
    {
        var error = Assert.Throws<EoiArgumentException>(() => Tensor.Zeros(Cpu, [2]).Add(Tensor.Zeros(Cpu, [2], ElementType.Float64)));
        Assert.Contains("Float32", error.Message);
        Assert.Contains("Float64", error.Message);
    }

    [Fact]
    public void GradientsAccumulateUntilCleared()
    {
        var x = Leaf([3], [1, 2, 3]);
        x.Sum().Backward();
        x.Sum().Backward();
        Assert.Equal([2.0, 2.0, 2.0], x.Grad!.ToArray<double>());
        x.ClearGrad();
        Assert.Null(x.Grad);
    }

    [Fact]
    public void IntermediateGradientsAreFreedAfterBackward()
    {
        var x = Leaf([3], [1, 2, 3]);
        var hidden = x.Tanh();
        hidden.Sum().Backward();
        Assert.False(hidden.IsLeaf);
        Assert.Null(hidden.Grad);
        Assert.NotNull(x.Grad);
    }

    [Fact]
    public void NoGradModeRecordsNothing()
    {
        var x = Leaf([3], [1, 2, 3]);
        Tensor y;
        using (GradMode.Disable())
        using (GradMode.Disable())
            y = x.Tanh();
        Assert.True(GradMode.IsEnabled);
        Assert.False(y.RequiresGrad);
        Assert.True(y.IsLeaf);
        Assert.Throws<EoiException>(() => y.Sum().Backward());
    }

    [Fact]
    public void BackwardWithoutGradientNeedsOneElement()
    {
        var x = Leaf([3], [1, 2, 3]);
        Assert.Contains("[3]", Assert.Throws<EoiArgumentException>(() => x.Tanh().Backward()).Message);
    }

    [Fact]
    public void ScopeDisposesWhatItMadeExceptWhatIsKept()
    {
        Tensor inside, kept;
        var outside = Tensor.Zeros(Cpu, [2]);
        using (var scope = TensorScope.Begin())
        {
            inside = outside.Tanh();
            kept = scope.Keep(outside.Relu());
        }
        Assert.True(inside.IsDisposed);
        Assert.False(kept.IsDisposed);
        Assert.False(outside.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => inside.ToArray<float>());
        kept.Dispose();
    }

    [Fact]
    public void KeptTensorMovesToTheEnclosingScope()
    {
        Tensor kept;
        using (TensorScope.Begin())
        {
            using (var inner = TensorScope.Begin())
                kept = inner.Keep(Tensor.Zeros(Cpu, [1]));
            Assert.False(kept.IsDisposed);
        }
        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void ParameterGradientsOutliveTheStepScope()
    {
        var w = Leaf([2], [1, 2]);
        using (TensorScope.Begin())
            w.Multiply(w).Sum().Backward();
        Assert.Equal([2.0, 4.0], w.Grad!.ToArray<double>());
    }
}
