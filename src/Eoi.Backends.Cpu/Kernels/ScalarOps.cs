using System.Numerics;
using System.Runtime.CompilerServices;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>A one-lane "vector": the fallback when no SIMD width is hardware accelerated
/// (DOTNET_EnableHWIntrinsic=0) and the tail of vectorised loops.</summary>
internal readonly unsafe struct ScalarOps<T> : ISimdOps<T, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => 1;

    public static T Zero => T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load(T* source) => *source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T value, T* destination) => *destination = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Broadcast(T value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Add(T left, T right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MultiplyAdd(T left, T right, T addend) => FusedMultiplyAdd.Scalar(left, right, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(T value) => value;
}
