using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// The one decision of whether a multiply-add is fused. The vector MultiplyAddEstimate APIs fuse when
/// the CPU has FMA (x64 FMA3 / Arm64 AdvSimd) and fall back to multiply-then-add otherwise; the scalar
/// lane follows the same rule so that every width produces the same bits. The consequence, documented
/// for users: results depend on the ISA path (fused or not), never on the thread count.
/// </summary>
internal static class FusedMultiplyAdd
{
    public static bool IsHardwareFused => Fma.IsSupported || AdvSimd.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Scalar<T>(T left, T right, T addend) where T : IFloatingPointIeee754<T>
        => IsHardwareFused ? T.FusedMultiplyAdd(left, right, addend) : left * right + addend;
}
