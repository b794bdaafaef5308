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
        bool noSimd = Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0";
        bool noAvx512 = Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0";
        // Only a process started with a knob turned down can check it; ReducedIsaTests starts two such.
        Assert.SkipUnless(noSimd || noAvx512,
            "needs DOTNET_EnableHWIntrinsic=0 or DOTNET_EnableAVX512=0; ReducedIsaTests runs it in child processes with each");
        if (noSimd)
            Assert.False(Vector128.IsHardwareAccelerated, "DOTNET_EnableHWIntrinsic=0 should leave no SIMD width accelerated");
        if (noAvx512)
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

    /// <summary>The bias gradient's summation order is fixed by the shape alone (columns top to bottom; runs as
    /// eight partial sums i mod 8, combined as (s0+s4)+(s1+s5) and (s2+s6)+(s3+s7), then the tail), so it gives
    /// these exact bits at every vector width: this test also runs with AVX-512 and with all SIMD turned off.</summary>
    [Fact]
    public void BiasGradientHasTheSameBitsAtEveryWidth()
    {
        foreach (var (outer, channels, inner) in new[] { (37, 19, 1), (3, 11, 21), (2, 5, 7), (1, 4, 130) })
        {
            var dy = TestData.ToFloat(TestData.Uniform(outer * channels * inner, seed: channels));
            var actual = new float[channels];
            LayoutLoops.BiasGrad<float>(outer, channels, inner, dy, actual);
            for (int c = 0; c < channels; c++)
            {
                double sum = 0;
                for (int o = 0; o < outer; o++)
                    sum += inner == 1 ? dy[o * channels + c] : RunSum(dy.AsSpan((o * channels + c) * inner, inner));
                Assert.Equal(BitConverter.SingleToInt32Bits((float)sum), BitConverter.SingleToInt32Bits(actual[c]));
            }
        }

        static double RunSum(ReadOnlySpan<float> run)
        {
            var partial = new double[8];
            int i = 0;
            for (; i + 8 <= run.Length; i += 8)
                for (int lane = 0; lane < 8; lane++) partial[lane] += run[i + lane];
            double sum = ((partial[0] + partial[4]) + (partial[1] + partial[5])) + ((partial[2] + partial[6]) + (partial[3] + partial[7]));
            for (; i < run.Length; i++) sum += run[i];
            return sum;
        }
    }
}
