namespace Eoi.Backends.Cpu.Kernels;

/// <summary>C[m x n] = op(A)[m x k] * op(B)[k x n] with every matrix dense row-major. op(A) = A^T means
/// A is stored [k x m]; op(B) = B^T means B is stored [n x k].</summary>
internal readonly record struct GemmShape(bool TransposeA, bool TransposeB, int M, int N, int K)
{
    /// <summary>Row stride of A as stored.</summary>
    public int Lda => TransposeA ? M : K;

    /// <summary>Row stride of B as stored.</summary>
    public int Ldb => TransposeB ? K : N;

    public long Flops => 2L * M * N * K;
}
