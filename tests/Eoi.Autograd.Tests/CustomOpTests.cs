using Eoi.Backends;
using Eoi.Core;
using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests;

/// <summary>An op defined outside the autograd with its public API (NewLike, Buffer, Record, AccumulateGrad,
/// NewGradBuffer, Attach) is differentiated like a built-in one.</summary>
public class CustomOpTests
{
    /// <summary>y = x * x, written as the Tensor documentation shows.</summary>
    static Tensor Square(Tensor x)
    {
        var y = x.NewLike(x.Shape);
        x.Backend.Binary(BinaryOp.Multiply, x.Buffer, x.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx =>
        {
            x.Backend.Binary(BinaryOp.Multiply, g.Buffer, x.Buffer, dx);
            x.Backend.Scale(2, dx, dx);
        }), x);
    }

    /// <summary>y = a + b with both gradients written through NewGradBuffer, and a saved buffer attached.</summary>
    static Tensor SumOfTwo(Tensor a, Tensor b)
    {
        var y = a.NewLike(a.Shape);
        var saved = a.Backend.Allocate(a.ElementType, a.Count);
        y.Attach(saved);
        a.Backend.Binary(BinaryOp.Add, a.Buffer, b.Buffer, y.Buffer);
        return y.Record(g =>
        {
            var da = a.NewGradBuffer();
            var db = b.NewGradBuffer();
            a.Backend.Copy(g.Buffer, da);
            b.Backend.Copy(g.Buffer, db);
            a.AccumulateGrad(da);
            b.AccumulateGrad(db);
        }, a, b);
    }

    [EoiProperty]
    public void ACustomOpMatchesFiniteDifferences(Dim rows, Dim cols, int seed) =>
        GradientCheck.AssertGradients(v =>
        {
            var a = Leaf([rows, cols], v[0]);
            var b = Leaf([rows, cols], v[1]);
            return (SumOfTwo(Square(a), b), [a, b]);
        }, [Uniform(seed, rows * cols), Uniform(seed + 1, rows * cols)], seed);

    [Fact]
    public void A_contribution_for_a_tensor_that_needs_no_gradient_is_freed()
    {
        using var scope = TensorScope.Begin();
        var constant = Tensor.Zeros(Cpu, [3], ElementType.Float64);
        var buffer = constant.NewGradBuffer();
        constant.AccumulateGrad(buffer);
        Assert.True(buffer.IsDisposed);
        Assert.Null(constant.Grad);
    }

    [Fact]
    public void Attached_buffers_are_freed_with_their_tensor()
    {
        DeviceBuffer saved;
        using (TensorScope.Begin())
        {
            var x = Tensor.Zeros(Cpu, [2], ElementType.Float64);
            saved = Cpu.Allocate(ElementType.Int32, 2);
            x.Attach(saved);
            Assert.False(saved.IsDisposed);
        }
        Assert.True(saved.IsDisposed);
    }
}
