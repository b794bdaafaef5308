using System.Runtime.Intrinsics;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>An element-wise function of one input, at every width the driver may use. Instance methods so
/// that an operator can carry a parameter (a slope, a row constant) in a readonly field.</summary>
internal interface IUnaryOperator<T>
{
    T Invoke(T x);
    Vector128<T> Invoke(Vector128<T> x);
    Vector256<T> Invoke(Vector256<T> x);
    Vector512<T> Invoke(Vector512<T> x);
}

/// <summary>An element-wise function of two inputs of equal length (a value and an incoming gradient).</summary>
internal interface IBinaryOperator<T>
{
    T Invoke(T x, T y);
    Vector128<T> Invoke(Vector128<T> x, Vector128<T> y);
    Vector256<T> Invoke(Vector256<T> x, Vector256<T> y);
    Vector512<T> Invoke(Vector512<T> x, Vector512<T> y);
}
