using System.Numerics;
using System.Runtime.Intrinsics;

namespace Eoi.Backends.Cpu.Kernels;

// Backward operators: Invoke(value, gradient) returns the gradient with respect to the activation's
// input. "value" is the forward input x or output y, as each summary says.

/// <summary>tanh'(x) from the output y = tanh(x): dy * (1 - y^2).</summary>
internal readonly struct TanhGradientOperator<T> : IBinaryOperator<T> where T : IFloatingPointIeee754<T>
{
    public T Invoke(T y, T dy) => dy * (T.One - y * y);
    public Vector128<T> Invoke(Vector128<T> y, Vector128<T> dy) => dy * (Vector128<T>.One - y * y);
    public Vector256<T> Invoke(Vector256<T> y, Vector256<T> dy) => dy * (Vector256<T>.One - y * y);
    public Vector512<T> Invoke(Vector512<T> y, Vector512<T> dy) => dy * (Vector512<T>.One - y * y);
}

/// <summary>relu'(x) from x (or y, same sign test): dy where x > 0, else 0.</summary>
internal readonly struct ReluGradientOperator<T> : IBinaryOperator<T> where T : IFloatingPointIeee754<T>
{
    public T Invoke(T x, T dy) => x > T.Zero ? dy : T.Zero;
    public Vector128<T> Invoke(Vector128<T> x, Vector128<T> dy) => Vector128.GreaterThan(x, Vector128<T>.Zero) & dy;
    public Vector256<T> Invoke(Vector256<T> x, Vector256<T> dy) => Vector256.GreaterThan(x, Vector256<T>.Zero) & dy;
    public Vector512<T> Invoke(Vector512<T> x, Vector512<T> dy) => Vector512.GreaterThan(x, Vector512<T>.Zero) & dy;
}

/// <summary>leaky_relu'(x) from x (or y when slope > 0): dy where x > 0, else slope * dy.</summary>
internal readonly struct LeakyReluGradientOperator<T>(T slope) : IBinaryOperator<T> where T : IFloatingPointIeee754<T>
{
    public T Invoke(T x, T dy) => x > T.Zero ? dy : dy * slope;
    public Vector128<T> Invoke(Vector128<T> x, Vector128<T> dy) => Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<T>.Zero), dy, dy * slope);
    public Vector256<T> Invoke(Vector256<T> x, Vector256<T> dy) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), dy, dy * slope);
    public Vector512<T> Invoke(Vector512<T> x, Vector512<T> dy) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), dy, dy * slope);
}

/// <summary>hardtanh'(x) from x: dy strictly inside (-1, 1), else 0 (the boundary counts as outside, as in PyTorch).</summary>
internal readonly struct HardTanhGradientOperator<T> : IBinaryOperator<T> where T : IFloatingPointIeee754<T>
{
    public T Invoke(T x, T dy) => x > -T.One && x < T.One ? dy : T.Zero;

    public Vector128<T> Invoke(Vector128<T> x, Vector128<T> dy)
        => Vector128.GreaterThan(x, -Vector128<T>.One) & Vector128.LessThan(x, Vector128<T>.One) & dy;

    public Vector256<T> Invoke(Vector256<T> x, Vector256<T> dy)
        => Vector256.GreaterThan(x, -Vector256<T>.One) & Vector256.LessThan(x, Vector256<T>.One) & dy;

    public Vector512<T> Invoke(Vector512<T> x, Vector512<T> dy)
        => Vector512.GreaterThan(x, -Vector512<T>.One) & Vector512.LessThan(x, Vector512<T>.One) & dy;
}

/// <summary>selu'(x) from x: lambda * dy for x > 0, lambda * alpha * e^x * dy otherwise.</summary>
internal readonly struct SeluGradientOperator<T> : IBinaryOperator<T> where T : IFloatingPointIeee754<T>
{
    static T Lambda => SeluOperator<T>.Lambda;
    static T LambdaAlpha => SeluOperator<T>.Lambda * SeluOperator<T>.Alpha;

    public T Invoke(T x, T dy) => x > T.Zero ? Lambda * dy : LambdaAlpha * T.Exp(x) * dy;

    public Vector128<T> Invoke(Vector128<T> x, Vector128<T> dy)
        => Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<T>.Zero), dy * Lambda, VectorExp.Exp(x) * LambdaAlpha * dy);

    public Vector256<T> Invoke(Vector256<T> x, Vector256<T> dy)
        => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), dy * Lambda, VectorExp.Exp(x) * LambdaAlpha * dy);

    public Vector512<T> Invoke(Vector512<T> x, Vector512<T> dy)
        => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), dy * Lambda, VectorExp.Exp(x) * LambdaAlpha * dy);
}

/// <summary>log_softmax' for one row from its output y: dy - e^y * gradientSum, gradientSum = sum(dy) of the row.</summary>
internal readonly struct LogSoftmaxGradientOperator<T>(T gradientSum) : IBinaryOperator<T> where T : IFloatingPointIeee754<T>
{
    public T Invoke(T y, T dy) => dy - T.Exp(y) * gradientSum;
    public Vector128<T> Invoke(Vector128<T> y, Vector128<T> dy) => dy - VectorExp.Exp(y) * gradientSum;
    public Vector256<T> Invoke(Vector256<T> y, Vector256<T> dy) => dy - VectorExp.Exp(y) * gradientSum;
    public Vector512<T> Invoke(Vector512<T> y, Vector512<T> dy) => dy - VectorExp.Exp(y) * gradientSum;
}
