using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>
/// Error bounds for a backend result against the float64 reference, each with its derivation. The reference is
/// computed from the inputs as the device holds them (rounded to the element type) and with the scalars rounded
/// as the interface rounds them, so a bound covers only the arithmetic the backend does. u is the unit
/// roundoff (half an ulp of 1): 2^-24 for float32, 2^-53 for float64.
/// </summary>
static class Tolerances
{
    public static double UnitRoundoff(ElementType type) => type == ElementType.Float32 ? 1.0 / (1 << 24) : 1.0 / (1L << 53);

    /// <summary>
    /// Relative accuracy, in units of u, accepted from exp, log and tanh: CUDA documents at most 2 ulp for
    /// expf, logf and tanhf and 1 to 2 ulp for their double versions (CUDA C++ Programming Guide, "Mathematical
    /// Functions"); .NET's vectorised ones are within a couple of ulp. 1 ulp = 2u, and 8u leaves margin for an
    /// argument that was itself rounded once.
    /// </summary>
    public const double TranscendentalUnits = 8;

    /// <summary>Below this an absolute difference counts as zero (float32's subnormal range).</summary>
    public const double AbsoluteFloor = 1e-35;

    /// <summary>
    /// Higham's gamma_n = n u / (1 - n u): a sum of n terms, each a product and/or sum of representable inputs,
    /// computed in any order with or without fused multiply-add, is within gamma_n * sum |term| of the exact
    /// value (Higham, Accuracy and Stability of Numerical Algorithms, Lemma 3.1 and eq. 3.5). It also bounds
    /// any chain of n roundings.
    /// </summary>
    public static double Gamma(int n, double u) => n * u / (1 - n * u);

    /// <summary>
    /// The float64 reference makes errors of its own, bounded like the backend's but in u64: negligible next to
    /// a float32 backend (factor 1), of the same size as a float64 backend's (factor 2).
    /// </summary>
    public static double ReferenceFactor(double u) => u == UnitRoundoff(ElementType.Float64) ? 2 : 1;

    /// <summary>A chain of <paramref name="roundings"/> operations on values of size <paramref name="magnitude"/>
    /// (the sum of the absolute values of every intermediate term).</summary>
    public static double Rounded(int roundings, double magnitude, double u) => ReferenceFactor(u) * Gamma(roundings, u) * magnitude;

    /// <summary>A dot product of <paramref name="terms"/> products plus beta * c, as GEMM, SpMM and SDDMM compute
    /// it: gamma_{terms + 2} of sum |a_i b_i| + |beta c|.</summary>
    public static double Dot(int terms, double magnitude, double u) => Rounded(terms + 2, magnitude, u);

    /// <summary>A transcendental function's value, then <paramref name="roundings"/> more operations.</summary>
    public static double Transcendental(int roundings, double magnitude, double u) =>
        ReferenceFactor(u) * (TranscendentalUnits + Gamma(roundings, u) / u) * u * magnitude;
}
