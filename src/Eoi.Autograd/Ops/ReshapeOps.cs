using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>New shapes for the same elements (reshape, flatten) and the matrix transpose. The elements are
/// copied, so the result never shares memory with its input and each can be disposed on its own.</summary>
public static class ReshapeOps
{
    public static Tensor Reshape(this Tensor x, Shape shape)
    {
        Guard.NotNull(x, nameof(x));
        if (shape.ElementCount != x.Count)
            throw new EoiArgumentException(nameof(shape), $"shape must hold the {x.Count} elements of {x.Shape}; got {shape} ({shape.ElementCount} elements)");
        var y = x.NewLike(shape);
        x.Backend.Copy(x.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx => x.Backend.Copy(g.Buffer, dx)), x);
    }

    /// <summary>[N, d1, d2, ...] to [N, d1 * d2 * ...]: a convolution's output meeting a dense layer.</summary>
    public static Tensor Flatten(this Tensor x)
    {
        Guard.NotNull(x, nameof(x));
        if (x.Shape.Rank < 1)
            throw new EoiArgumentException(nameof(x), $"x must have rank >= 1 to flatten; got shape {x.Shape}");
        return x.Reshape([x.Shape[0], x.Shape.ElementsFrom(1)]);
    }

    /// <summary>[rows, cols] to [cols, rows].</summary>
    public static Tensor Transpose(this Tensor x)
    {
        OpChecks.Rank(x, 2, nameof(x), "[rows, cols]");
        int rows = x.Shape[0], cols = x.Shape[1];
        var y = x.NewLike([cols, rows]);
        x.Backend.Transpose(rows, cols, x.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx => x.Backend.Transpose(cols, rows, g.Buffer, dx)), x);
    }
}
