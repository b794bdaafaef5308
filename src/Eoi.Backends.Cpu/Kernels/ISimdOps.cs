namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// One SIMD width seen through a common set of static operations, so that a kernel body (the GEMM
/// register tile, the SpMM row update, the SDDMM dot) is written once and instantiated per width:
/// <see cref="Vector512Ops{T}"/>, <see cref="Vector256Ops{T}"/>, <see cref="Vector128Ops{T}"/> and the
/// one-lane <see cref="ScalarOps{T}"/>. Every implementation is a struct, so each instantiation is
/// compiled separately and the calls inline to the bare instructions.
/// </summary>
/// <remarks>
/// <see cref="MultiplyAdd"/> is fused on exactly the same machines for every width (see
/// <see cref="FusedMultiplyAdd.IsHardwareFused"/>). Kernels that only multiply-add lane by lane (GEMM,
/// SpMM) therefore give the same bits at every width; only horizontal sums (<see cref="Sum"/>) differ.
/// </remarks>
internal unsafe interface ISimdOps<TVec, T>
    where TVec : struct
    where T : unmanaged
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    static abstract TVec Zero { get; }

    static abstract TVec Load(T* source);

    static abstract void Store(TVec value, T* destination);

    static abstract TVec Broadcast(T value);

    static abstract TVec Add(TVec left, TVec right);

    /// <summary>left * right + addend, rounded once where the hardware fuses (see remarks on the type).</summary>
    static abstract TVec MultiplyAdd(TVec left, TVec right, TVec addend);

    /// <summary>Sum of the lanes, in an order that depends on the width.</summary>
    static abstract T Sum(TVec value);
}
