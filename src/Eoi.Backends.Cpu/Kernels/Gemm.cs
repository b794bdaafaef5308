using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// Dense matrix product on row-major spans: C[m x n] = op(A) * op(B) + beta * C, where op(X) is X or
/// X^T. op(A) = A^T means A is stored [k x m]; op(B) = B^T means B is stored [n x k]. With beta = 0, C
/// is only written (NaN in it does not propagate).
/// </summary>
/// <remarks>
/// Reproducibility: the result depends on the inputs and on whether the CPU fuses multiply-add (FMA3 /
/// AdvSimd, see <see cref="FusedMultiplyAdd"/>), never on the thread count, and it is the same for the
/// AVX-512, AVX2, 128-bit and scalar paths of one machine when they agree on fusion. It may differ in the
/// last bits from a plain left-to-right dot product, since k is summed in blocks of
/// <see cref="GemmBlocking.Kc"/>.
/// </remarks>
public static class Gemm
{
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, float beta = 0f)
        => Run(new GemmShape(transposeA, transposeB, m, n, k), a, b, c, beta, -1);

    /// <summary>The same, on at most <paramref name="maxDegreeOfParallelism"/> threads (-1: all cores); the bits do not depend on it.</summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, float beta, int maxDegreeOfParallelism)
        => Run(new GemmShape(transposeA, transposeB, m, n, k), a, b, c, beta, maxDegreeOfParallelism);

    /// <summary>The float64 product, same algorithm; used by gradient checks.</summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, double beta = 0.0)
        => Run(new GemmShape(transposeA, transposeB, m, n, k), a, b, c, beta, -1);

    /// <summary>The same, on at most <paramref name="maxDegreeOfParallelism"/> threads (-1: all cores); the bits do not depend on it.</summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, double beta, int maxDegreeOfParallelism)
        => Run(new GemmShape(transposeA, transposeB, m, n, k), a, b, c, beta, maxDegreeOfParallelism);

    /// <summary>The same for code generic over float and double (the batched convolutions).</summary>
    internal static void Multiply<T>(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, T beta, int maxDegreeOfParallelism) where T : unmanaged, IFloatingPointIeee754<T>
        => Run(new GemmShape(transposeA, transposeB, m, n, k), a, b, c, beta, maxDegreeOfParallelism);

    static unsafe void Run<T>(GemmShape shape, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, T beta, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Validate(shape, a.Length, b.Length, c.Length, maxDegreeOfParallelism);
        Span<T> output = c[..(shape.M * shape.N)];
        if (output.IsEmpty)
            return;
        if (shape.K == 0)
        {
            if (beta == T.Zero)
                output.Clear();
            else
                TensorPrimitives.Multiply(output, beta, output);
            return;
        }
        fixed (T* pa = a, pb = b, pc = c)
        {
            if (Vector512Ops<T>.IsUsable)
                GemmDriver<T, Vector512<T>, Vector512Ops<T>>.Run(shape, pa, pb, pc, beta, maxDegreeOfParallelism);
            else if (Vector256Ops<T>.IsUsable)
                GemmDriver<T, Vector256<T>, Vector256Ops<T>>.Run(shape, pa, pb, pc, beta, maxDegreeOfParallelism);
            else if (Vector128Ops<T>.IsUsable)
                GemmDriver<T, Vector128<T>, Vector128Ops<T>>.Run(shape, pa, pb, pc, beta, maxDegreeOfParallelism);
            else
                GemmDriver<T, T, ScalarOps<T>>.Run(shape, pa, pb, pc, beta, maxDegreeOfParallelism);
        }
    }

    static void Validate(GemmShape shape, int aLength, int bLength, int cLength, int maxDegreeOfParallelism)
    {
        KernelArguments.NonNegative(shape.M, "m");
        KernelArguments.NonNegative(shape.N, "n");
        KernelArguments.NonNegative(shape.K, "k");
        KernelArguments.HasLength(aLength, (long)shape.M * shape.K, "a", "m * k");
        KernelArguments.HasLength(bLength, (long)shape.K * shape.N, "b", "k * n");
        KernelArguments.HasLength(cLength, (long)shape.M * shape.N, "c", "m * n");
        KernelArguments.Parallelism(maxDegreeOfParallelism);
    }
}
