namespace Eoi.Backends.Cpu.Tests.Support;

/// <summary>
/// Error bounds for comparing a kernel with the float64 reference, each with its derivation. u is the
/// unit roundoff (half an ulp of 1): 2^-24 for float32, 2^-53 for float64.
/// </summary>
internal static class Tolerances
{
    public const double UnitRoundoff32 = 1.0 / (1 << 24);
    public const double UnitRoundoff64 = 1.0 / (1L << 53);

    /// <summary>
    /// Relative accuracy, in units of u, that we accept from the vectorised transcendental functions
    /// (TensorPrimitives.Tanh, Vector*.Exp, scalar Exp/Log): they are documented as faithfully rounded or
    /// within a couple of ulp (1 ulp = 2u); 8u leaves margin for an argument that was itself rounded once.
    /// </summary>
    public const double TranscendentalUnits = 8;

    /// <summary>Below this magnitude an absolute difference counts as zero (results near subnormal range).</summary>
    public const double AbsoluteFloor = 1e-35;

    /// <summary>
    /// Higham's gamma_n = n u / (1 - n u). A sum of n terms, each a product and/or sum of exactly
    /// representable inputs, computed in any order with or without fused multiply-add, lies within
    /// gamma_n * sum |term| of the exact value (Higham, Accuracy and Stability, Lemma 3.1 and eq. 3.5).
    /// </summary>
    public static double Gamma(int n, double u) => n * u / (1 - n * u);

    /// <summary>
    /// A dot product of length k plus beta * c, as GEMM / SpMM / SDDMM compute it: k products, k - 1
    /// additions and at most 2 more operations for beta * c, so gamma_{k+2} of the magnitude
    /// sum |a_i b_i| + |beta c|, times <see cref="ReferenceFactor"/>.
    /// </summary>
    public static double Dot(int k, double magnitude, double u)
        => ReferenceFactor(u) * Gamma(k + 2, u) * magnitude + AbsoluteFloor;

    /// <summary>
    /// The float64 reference makes errors of its own, bounded like the kernel's but in u64: negligible
    /// against a float32 kernel (factor 1), of the same size against a float64 kernel (factor 2).
    /// </summary>
    public static double ReferenceFactor(double u) => u == UnitRoundoff64 ? 2 : 1;

    public static double UnitRoundoff<T>() => typeof(T) == typeof(float) ? UnitRoundoff32 : UnitRoundoff64;
}
