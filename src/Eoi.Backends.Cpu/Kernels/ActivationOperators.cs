using System.Numerics;
using System.Runtime.Intrinsics;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>leaky_relu(x) = x for x > 0, slope * x otherwise (NaN stays NaN).</summary>
internal readonly struct LeakyReluOperator<T>(T slope) : IUnaryOperator<T> where T : IFloatingPointIeee754<T>
{
    public T Invoke(T x) => x > T.Zero ? x : x * slope;
    public Vector128<T> Invoke(Vector128<T> x) => Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<T>.Zero), x, x * slope);
    public Vector256<T> Invoke(Vector256<T> x) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), x, x * slope);
    public Vector512<T> Invoke(Vector512<T> x) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), x, x * slope);
}

/// <summary>selu(x) = lambda * x for x > 0, lambda * alpha * (e^x - 1) otherwise (Klambauer et al. 2017).</summary>
internal readonly struct SeluOperator<T> : IUnaryOperator<T> where T : IFloatingPointIeee754<T>
{
    public static T Lambda => T.CreateChecked(1.0507009873554804934193349852946);
    public static T Alpha => T.CreateChecked(1.6732632423543772848170429916717);
    static T LambdaAlpha => T.CreateChecked(1.0507009873554804934193349852946 * 1.6732632423543772848170429916717);

    public T Invoke(T x) => x > T.Zero ? Lambda * x : LambdaAlpha * (T.Exp(x) - T.One);

    public Vector128<T> Invoke(Vector128<T> x)
        => Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<T>.Zero), x * Lambda, (VectorExp.Exp(x) - Vector128<T>.One) * LambdaAlpha);

    public Vector256<T> Invoke(Vector256<T> x)
        => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), x * Lambda, (VectorExp.Exp(x) - Vector256<T>.One) * LambdaAlpha);

    public Vector512<T> Invoke(Vector512<T> x)
        => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), x * Lambda, (VectorExp.Exp(x) - Vector512<T>.One) * LambdaAlpha);
}

/// <summary>e^(x - shift): the terms of a log-sum-exp after subtracting the row maximum, so none overflows.</summary>
internal readonly struct ShiftedExpOperator<T>(T shift) : IUnaryOperator<T> where T : IFloatingPointIeee754<T>
{
    public T Invoke(T x) => T.Exp(x - shift);
    public Vector128<T> Invoke(Vector128<T> x) => VectorExp.Exp(x - Vector128.Create(shift));
    public Vector256<T> Invoke(Vector256<T> x) => VectorExp.Exp(x - Vector256.Create(shift));
    public Vector512<T> Invoke(Vector512<T> x) => VectorExp.Exp(x - Vector512.Create(shift));
}
