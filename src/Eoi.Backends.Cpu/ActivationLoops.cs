using System.Numerics;
using System.Numerics.Tensors;
using Eoi.Core.Backend;

namespace Eoi.Backends.Cpu;

/// <summary>Activation forward and backward, one loop each, generic over float and double.</summary>
static class ActivationLoops
{
    public static void Forward<T>(Activation f, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (f.Kind)
        {
            case ActivationKind.Identity:
                x.CopyTo(y);
                break;
            case ActivationKind.Tanh:
                TensorPrimitives.Tanh(x, y);
                break;
            case ActivationKind.Relu:
                TensorPrimitives.Max(x, T.Zero, y);
                break;
            case ActivationKind.LeakyRelu:
                var slope = T.CreateTruncating(f.NegativeSlope);
                for (int i = 0; i < x.Length; i++) y[i] = x[i] > T.Zero ? x[i] : slope * x[i];
                break;
            case ActivationKind.HardTanh:
                for (int i = 0; i < x.Length; i++) y[i] = T.Clamp(x[i], -T.One, T.One);
                break;
            case ActivationKind.Selu:
                var scale = T.CreateTruncating(Activation.SeluScale);
                var scaledAlpha = T.CreateTruncating(Activation.SeluScale * Activation.SeluAlpha);
                for (int i = 0; i < x.Length; i++) y[i] = x[i] > T.Zero ? scale * x[i] : scaledAlpha * T.ExpM1(x[i]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "unknown activation");
        }
    }

    public static void Backward<T>(Activation f, ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (f.Kind)
        {
            case ActivationKind.Identity:
                dy.CopyTo(dx);
                break;
            case ActivationKind.Tanh:
                for (int i = 0; i < x.Length; i++) dx[i] = dy[i] * (T.One - y[i] * y[i]);
                break;
            case ActivationKind.Relu:
                for (int i = 0; i < x.Length; i++) dx[i] = x[i] > T.Zero ? dy[i] : T.Zero;
                break;
            case ActivationKind.LeakyRelu:
                var slope = T.CreateTruncating(f.NegativeSlope);
                for (int i = 0; i < x.Length; i++) dx[i] = x[i] > T.Zero ? dy[i] : slope * dy[i];
                break;
            case ActivationKind.HardTanh:
                for (int i = 0; i < x.Length; i++) dx[i] = x[i] > -T.One && x[i] < T.One ? dy[i] : T.Zero;
                break;
            case ActivationKind.Selu:
                var scale = T.CreateTruncating(Activation.SeluScale);
                var scaledAlpha = T.CreateTruncating(Activation.SeluScale * Activation.SeluAlpha);
                // For x <= 0, d/dx scale*alpha*(e^x - 1) = scale*alpha*e^x = y + scale*alpha.
                for (int i = 0; i < x.Length; i++) dx[i] = dy[i] * (x[i] > T.Zero ? scale : y[i] + scaledAlpha);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(f), f.Kind, "unknown activation");
        }
    }
}
