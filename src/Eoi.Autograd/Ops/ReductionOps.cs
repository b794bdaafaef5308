using Eoi.Core;
using Eoi.Core.Backend;

namespace Eoi.Autograd;

/// <summary>Sum and mean of all elements, as one-element (scalar-shaped) tensors.</summary>
public static class ReductionOps
{
    public static Tensor Sum(this Tensor x) => ScaledSum(x, 1);

    public static Tensor Mean(this Tensor x)
    {
        Guard.NotNull(x, nameof(x));
        Guard.Positive(x.Count, "x element count");
        return ScaledSum(x, 1.0 / x.Count);
    }

    static Tensor ScaledSum(Tensor x, double scale)
    {
        // The sum of every element is the bias gradient of one channel spanning the whole buffer, and
        // spreading the sum's gradient back is adding that one-channel "bias" to zeros.
        var everything = new ChannelLayout(1, 1, x.Count);
        var backend = x.Backend;
        var y = x.NewLike(Shape.Scalar);
        backend.BiasGrad(everything, x.Buffer, y.Buffer);
        if (scale != 1) backend.Scale(scale, y.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx =>
        {
            backend.BiasAdd(everything, dx, g.Buffer, dx);
            if (scale != 1) backend.Scale(scale, dx, dx);
        }), x);
    }
}
