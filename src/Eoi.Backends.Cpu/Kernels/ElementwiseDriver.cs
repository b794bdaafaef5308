using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// The loops behind the operator structs: the widest hardware-accelerated vector over the body, scalar
/// over the tail. Element i of the output depends only on element i of the inputs, so the output may be
/// the very same span as an input (callers check against shifted overlap).
/// </summary>
internal static class ElementwiseDriver
{
    public static void Unary<T, TOp>(in TOp op, ReadOnlySpan<T> x, Span<T> destination) where TOp : struct, IUnaryOperator<T>
    {
        ref T source = ref MemoryMarshal.GetReference(x);
        ref T target = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
            for (; i + (nuint)Vector512<T>.Count <= length; i += (nuint)Vector512<T>.Count)
                op.Invoke(Vector512.LoadUnsafe(ref source, i)).StoreUnsafe(ref target, i);
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
            for (; i + (nuint)Vector256<T>.Count <= length; i += (nuint)Vector256<T>.Count)
                op.Invoke(Vector256.LoadUnsafe(ref source, i)).StoreUnsafe(ref target, i);
        else if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
            for (; i + (nuint)Vector128<T>.Count <= length; i += (nuint)Vector128<T>.Count)
                op.Invoke(Vector128.LoadUnsafe(ref source, i)).StoreUnsafe(ref target, i);
        for (; i < length; i++)
            Unsafe.Add(ref target, i) = op.Invoke(Unsafe.Add(ref source, i));
    }

    public static void Binary<T, TOp>(in TOp op, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) where TOp : struct, IBinaryOperator<T>
    {
        ref T left = ref MemoryMarshal.GetReference(x);
        ref T right = ref MemoryMarshal.GetReference(y);
        ref T target = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
            for (; i + (nuint)Vector512<T>.Count <= length; i += (nuint)Vector512<T>.Count)
                op.Invoke(Vector512.LoadUnsafe(ref left, i), Vector512.LoadUnsafe(ref right, i)).StoreUnsafe(ref target, i);
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
            for (; i + (nuint)Vector256<T>.Count <= length; i += (nuint)Vector256<T>.Count)
                op.Invoke(Vector256.LoadUnsafe(ref left, i), Vector256.LoadUnsafe(ref right, i)).StoreUnsafe(ref target, i);
        else if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
            for (; i + (nuint)Vector128<T>.Count <= length; i += (nuint)Vector128<T>.Count)
                op.Invoke(Vector128.LoadUnsafe(ref left, i), Vector128.LoadUnsafe(ref right, i)).StoreUnsafe(ref target, i);
        for (; i < length; i++)
            Unsafe.Add(ref target, i) = op.Invoke(Unsafe.Add(ref left, i), Unsafe.Add(ref right, i));
    }

    /// <summary>Sum of op(x[i]): one vector accumulator, its lanes summed, then the tail added in order.
    /// Like any SIMD reduction the last bits depend on the width.</summary>
    public static T SumOf<T, TOp>(in TOp op, ReadOnlySpan<T> x) where TOp : struct, IUnaryOperator<T> where T : System.Numerics.INumberBase<T>
    {
        ref T source = ref MemoryMarshal.GetReference(x);
        nuint length = (nuint)x.Length, i = 0;
        T sum = T.Zero;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && length >= (nuint)Vector512<T>.Count)
        {
            Vector512<T> partial = Vector512<T>.Zero;
            for (; i + (nuint)Vector512<T>.Count <= length; i += (nuint)Vector512<T>.Count)
                partial += op.Invoke(Vector512.LoadUnsafe(ref source, i));
            sum = Vector512.Sum(partial);
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && length >= (nuint)Vector256<T>.Count)
        {
            Vector256<T> partial = Vector256<T>.Zero;
            for (; i + (nuint)Vector256<T>.Count <= length; i += (nuint)Vector256<T>.Count)
                partial += op.Invoke(Vector256.LoadUnsafe(ref source, i));
            sum = Vector256.Sum(partial);
        }
        else if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && length >= (nuint)Vector128<T>.Count)
        {
            Vector128<T> partial = Vector128<T>.Zero;
            for (; i + (nuint)Vector128<T>.Count <= length; i += (nuint)Vector128<T>.Count)
                partial += op.Invoke(Vector128.LoadUnsafe(ref source, i));
            sum = Vector128.Sum(partial);
        }
        for (; i < length; i++)
            sum += op.Invoke(Unsafe.Add(ref source, i));
        return sum;
    }
}
