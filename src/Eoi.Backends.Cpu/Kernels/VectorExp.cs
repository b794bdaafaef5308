using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>e^x for generic float/double vectors: the runtime's vectorised Exp is only offered for the
/// concrete element types, so dispatch on T (folded away by the JIT per instantiation).</summary>
internal static class VectorExp
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Exp<T>(Vector128<T> x) where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return Vector128.Exp(x.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector128.Exp(x.AsDouble()).As<double, T>();
        throw new NotSupportedException($"Vector exp is only defined for float and double, not {typeof(T).Name}");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp<T>(Vector256<T> x) where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return Vector256.Exp(x.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector256.Exp(x.AsDouble()).As<double, T>();
        throw new NotSupportedException($"Vector exp is only defined for float and double, not {typeof(T).Name}");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp<T>(Vector512<T> x) where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return Vector512.Exp(x.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.Exp(x.AsDouble()).As<double, T>();
        throw new NotSupportedException($"Vector exp is only defined for float and double, not {typeof(T).Name}");
    }
}
