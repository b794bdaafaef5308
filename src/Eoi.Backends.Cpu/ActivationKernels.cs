using System.Numerics;
using Eoi.Backends.Cpu.Kernels;
using Eoi.Core;

namespace Eoi.Backends.Cpu;

/// <summary>Routes an <see cref="Activation"/> to its SIMD kernel in <see cref="Elementwise"/>.</summary>
static class ActivationKernels
{
    public static void Forward<T>(Activation f, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (f.Kind)
        {
            case ActivationKind.Identity: Elementwise.Identity(x, y); break;
            case ActivationKind.Tanh: Elementwise.Tanh(x, y); break;
            case ActivationKind.Relu: Elementwise.Relu(x, y); break;
            case ActivationKind.LeakyRelu: Elementwise.LeakyRelu(x, T.CreateTruncating(f.NegativeSlope), y); break;
            case ActivationKind.HardTanh: Elementwise.HardTanh(x, y); break;
            case ActivationKind.Selu: Elementwise.Selu(x, y); break;
            default: throw Unknown(f);
        }
    }

    public static void Backward<T>(Activation f, ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (f.Kind)
        {
            case ActivationKind.Identity: Elementwise.Identity(dy, dx); break;
            case ActivationKind.Tanh: Elementwise.TanhBackward(y, dy, dx); break;
            case ActivationKind.Relu: Elementwise.ReluBackward(x, dy, dx); break;
            case ActivationKind.LeakyRelu: Elementwise.LeakyReluBackward(x, dy, T.CreateTruncating(f.NegativeSlope), dx); break;
            case ActivationKind.HardTanh: Elementwise.HardTanhBackward(x, dy, dx); break;
            case ActivationKind.Selu: Elementwise.SeluBackward(x, dy, dx); break;
            default: throw Unknown(f);
        }
    }

    static EoiArgumentException Unknown(Activation f) =>
        new(nameof(f), $"activation kind must be one of {string.Join(", ", Enum.GetNames<ActivationKind>())}; got {f.Kind}");
}
