using System.Runtime.Intrinsics;
using Eoi.Backends.Cpu.Kernels;
using Eoi.Backends.Cpu.Tests.Support;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>
/// A quick pass of every kernel against the reference, small enough to re-run in child processes with
/// the ISA knobs turned down (<see cref="ReducedIsaTests"/>), where the public API takes its AVX2 or
/// scalar path instead of the AVX-512 one.
/// </summary>
public class KernelSmokeTests
{
    [Fact]
    public void IsaKnobsAreHonoured()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0")
            Assert.False(Vector128.IsHardwareAccelerated, "DOTNET_EnableHWIntrinsic=0 should leave no SIMD width accelerated");
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0")
            Assert.False(Vector512.IsHardwareAccelerated, "DOTNET_EnableAVX512=0 should turn the 512-bit width off");
    }

    [Fact]
    public void GemmMatchesReference()
    {
        foreach (bool ta in new[] { false, true })
            foreach (bool tb in new[] { false, true })
            {
                GemmCheck.AgainstReference<float>(ta, tb, 17, 31, 65, 0.5, seed: 1);
                GemmCheck.AgainstReference<float>(ta, tb, 13, 67, 260, 0, seed: 2);
                GemmCheck.AgainstReference<double>(ta, tb, 7, 19, 257, -1, seed: 3);
                GemmCheck.AgainstReference<float>(ta, tb, 1, 1, 1, 0, seed: 4);
            }
    }

    [Fact]
    public void SparseKernelsMatchReference()
    {
        Csr a = TestData.RandomCsr(11, 17, 0.3, seed: 6);
        for (int n = 1; n <= 40; n++)
        {
            SparseCheck.SpmmAgainstReference<float>(a, n, 0.5, seed: n);
            SparseCheck.SpmmAgainstReference<double>(a, n, 0, seed: n);
            SparseCheck.SddmmAgainstReference<float>(a, n, seed: n);
            SparseCheck.SddmmAgainstReference<double>(a, n, seed: n);
        }
    }

    [Fact]
    public void ElementwiseMatchesReference()
    {
        const double lambda = 1.0507009873554804934193349852946, alpha = 1.6732632423543772848170429916717;
        ElementwiseCheck.UnaryOp<float>("selu", (x, d) => Elementwise.Selu<float>(x, d),
            x => x > 0 ? lambda * x : lambda * alpha * (Math.Exp(x) - 1),
            (x, e) => 3 * Tolerances.UnitRoundoff32 * Math.Abs(e)
                + (x > 0 ? 0 : Tolerances.TranscendentalUnits * Tolerances.UnitRoundoff32 * lambda * alpha * Math.Exp(x)) + Tolerances.AbsoluteFloor,
            scale: 3, maxLength: 40);
        ElementwiseCheck.BinaryOp<double>("relu'", (x, dy, d) => Elementwise.ReluBackward<double>(x, dy, d),
            (x, dy) => x > 0 ? dy : 0, (_, _, _) => 0, maxLength: 40);
        ElementwiseCheck.BinaryOp<float>("leaky_relu'", (x, dy, d) => Elementwise.LeakyReluBackward<float>(x, dy, 0.25f, d),
            (x, dy) => x > 0 ? dy : 0.25 * dy, (_, _, e) => Tolerances.UnitRoundoff32 * Math.Abs(e), maxLength: 40);
    }
}
