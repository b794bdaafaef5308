using Eoi.Backends.Cpu.Kernels;
using Eoi.Backends.Cpu.Tests.Support;
using static Eoi.Backends.Cpu.Tests.Support.Tolerances;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>
/// Each element-wise kernel against its float64 definition over lengths 1..256, float and double.
/// Bounds: an operation rounded once is within u|result|; a composition of j roundings within
/// gamma_j times the magnitudes involved; transcendental pieces add <see cref="TranscendentalUnits"/> u.
/// </summary>
public abstract class ElementwiseTests<T> where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
{
    static readonly double U = UnitRoundoff<T>();
    const double Lambda = 1.0507009873554804934193349852946, Alpha = 1.6732632423543772848170429916717;

    static double OneRounding(double expected) => U * Math.Abs(expected);

    static double Exact(double x, double expected) => 0;

    [Fact]
    public void Add() => ElementwiseCheck.BinaryOp<T>("add", (x, y, d) => Elementwise.Add<T>(x, y, d), (x, y) => x + y, (_, _, e) => OneRounding(e));

    [Fact]
    public void Subtract() => ElementwiseCheck.BinaryOp<T>("subtract", (x, y, d) => Elementwise.Subtract<T>(x, y, d), (x, y) => x - y, (_, _, e) => OneRounding(e));

    [Fact]
    public void Multiply() => ElementwiseCheck.BinaryOp<T>("multiply", (x, y, d) => Elementwise.Multiply<T>(x, y, d), (x, y) => x * y, (_, _, e) => OneRounding(e));

    [Fact]
    public void Scale() => ElementwiseCheck.UnaryOp<T>("scale", (x, d) => Elementwise.Scale<T>(x, T.CreateChecked(0.375), d), x => 0.375 * x, (_, e) => OneRounding(e));

    /// <summary>alpha x + y, fused or not: gamma_2 (|alpha x| + |y|).</summary>
    [Fact]
    public void Axpy()
    {
        double alpha = double.CreateChecked(T.CreateChecked(-0.3));
        ElementwiseCheck.BinaryOp<T>("axpy", (x, y, d) => { y.CopyTo(d, 0); Elementwise.Axpy<T>(T.CreateChecked(alpha), x, d); },
            (x, y) => alpha * x + y, (x, y, _) => Gamma(2, U) * (Math.Abs(alpha * x) + Math.Abs(y)));
    }

    [Fact]
    public void Identity() => ElementwiseCheck.UnaryOp<T>("identity", (x, d) => Elementwise.Identity<T>(x, d), x => x, Exact);

    /// <summary>TensorPrimitives.Tanh is built from an exponential, and near 0 its error is relative to 1
    /// rather than to tanh x (measured here: 0.6 u absolute at |x| = 0.08 in float32), so the bound is
    /// transcendental units of (|tanh x| + 1).</summary>
    [Fact]
    public void Tanh() => ElementwiseCheck.UnaryOp<T>("tanh", (x, d) => Elementwise.Tanh<T>(x, d), Math.Tanh,
        (_, e) => TranscendentalUnits * U * (Math.Abs(e) + 1), scale: 4);

    /// <summary>dy (1 - y^2): three roundings of terms bounded by |dy| (1 + y^2).</summary>
    [Fact]
    public void TanhBackward() => ElementwiseCheck.BinaryOp<T>("tanh'", (y, dy, d) => Elementwise.TanhBackward<T>(y, dy, d),
        (y, dy) => dy * (1 - y * y), (y, dy, _) => Gamma(3, U) * Math.Abs(dy) * (1 + y * y), xScale: 0.999);

    [Fact]
    public void Relu() => ElementwiseCheck.UnaryOp<T>("relu", (x, d) => Elementwise.Relu<T>(x, d), x => Math.Max(x, 0), Exact);

    [Fact]
    public void ReluBackward() => ElementwiseCheck.BinaryOp<T>("relu'", (x, dy, d) => Elementwise.ReluBackward<T>(x, dy, d),
        (x, dy) => x > 0 ? dy : 0, (_, _, _) => 0);

    [Fact]
    public void LeakyRelu()
    {
        double slope = double.CreateChecked(T.CreateChecked(0.01));
        ElementwiseCheck.UnaryOp<T>("leaky_relu", (x, d) => Elementwise.LeakyRelu<T>(x, T.CreateChecked(slope), d), x => x > 0 ? x : slope * x, (_, e) => OneRounding(e));
    }

    [Fact]
    public void LeakyReluBackward()
    {
        double slope = double.CreateChecked(T.CreateChecked(0.2));
        ElementwiseCheck.BinaryOp<T>("leaky_relu'", (x, dy, d) => Elementwise.LeakyReluBackward<T>(x, dy, T.CreateChecked(slope), d),
            (x, dy) => x > 0 ? dy : slope * dy, (_, _, e) => OneRounding(e));
    }

    /// <summary>Inputs in [-2, 2), with some snapped to exactly -1 and 1 to pin the boundary rule.</summary>
    static double SnapToBoundary(double x) => Math.Abs(x) > 1.6 ? Math.Sign(x) : x;

    [Fact]
    public void HardTanh() => ElementwiseCheck.UnaryOp<T>("hardtanh", (x, d) => Elementwise.HardTanh<T>(x, d), x => Math.Clamp(x, -1, 1), Exact, scale: 2);

    [Fact]
    public void HardTanhBackward() => ElementwiseCheck.BinaryOp<T>("hardtanh'", (x, dy, d) => Elementwise.HardTanhBackward<T>(x, dy, d),
        (x, dy) => x > -1 && x < 1 ? dy : 0, (_, _, _) => 0, xScale: 2, xMap: SnapToBoundary);

    /// <summary>x > 0: lambda x, two roundings (lambda, product). x &lt;= 0: lambda alpha (e^x - 1), where e^x
    /// carries the transcendental error (times lambda alpha) and subtraction, constant and product one u each.</summary>
    [Fact]
    public void Selu() => ElementwiseCheck.UnaryOp<T>("selu", (x, d) => Elementwise.Selu<T>(x, d),
        x => x > 0 ? Lambda * x : Lambda * Alpha * (Math.Exp(x) - 1),
        (x, e) => 3 * U * Math.Abs(e) + (x > 0 ? 0 : TranscendentalUnits * U * Lambda * Alpha * Math.Exp(x)) + AbsoluteFloor, scale: 3);

    [Fact]
    public void SeluBackward() => ElementwiseCheck.BinaryOp<T>("selu'", (x, dy, d) => Elementwise.SeluBackward<T>(x, dy, d),
        (x, dy) => x > 0 ? Lambda * dy : Lambda * Alpha * Math.Exp(x) * dy,
        (x, _, e) => (x > 0 ? 2 : TranscendentalUnits + 4) * U * Math.Abs(e) + AbsoluteFloor, xScale: 3);
}

public sealed class Float32ElementwiseTests : ElementwiseTests<float>;

public sealed class Float64ElementwiseTests : ElementwiseTests<double>;
