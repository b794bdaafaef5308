using System.Numerics;
using System.Runtime.Intrinsics;
using Eoi.Backends.Cpu.Kernels;

namespace Eoi.Backends.Cpu;

/// <summary>
/// Batch normalisation over the channels of [outer, channels, inner]: the moments, the normalisation and its
/// gradient. Every per-channel sum runs in double over the channel's runs in order (each run by eight partial
/// sums, as <see cref="LayoutLoops.SumAsDouble"/>), and the per-element work is a fixed chain of T operations
/// with per-channel constants rounded once, no fused multiply-add. Channels are shared among threads whole, so
/// the bits do not depend on the thread count.
/// </summary>
static unsafe class NormalizationLoops
{
    public static void Moments<T>(ChannelLayout layout, ReadOnlySpan<T> x, Span<T> mean, Span<T> variance, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* xFixed = x, meanFixed = mean, varianceFixed = variance)
        {
            T* px = xFixed, pm = meanFixed, pv = varianceFixed;
            ForEachChannel(layout, maxDegreeOfParallelism, c =>
            {
                var runs = new Runs<T>(layout, px, c);
                double m = runs.Sum() / runs.Count;
                pm[c] = T.CreateTruncating(m);
                pv[c] = T.CreateTruncating(runs.SquaredDeviations(m) / runs.Count);
            });
        }
    }

    public static void Normalize<T>(ChannelLayout layout, double epsilon, ReadOnlySpan<T> x, ReadOnlySpan<T> mean, ReadOnlySpan<T> variance,
                                    ReadOnlySpan<T> gamma, ReadOnlySpan<T> beta, Span<T> y, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* xFixed = x, yFixed = y, meanFixed = mean, varianceFixed = variance, gammaFixed = gamma, betaFixed = beta)
        {
            T* px = xFixed, py = yFixed, pm = meanFixed, pv = varianceFixed, pg = gammaFixed, pb = betaFixed;
            ForEachChannel(layout, maxDegreeOfParallelism, c =>
            {
                var scale = T.CreateTruncating(double.CreateTruncating(pg[c]) * InverseStd(pv[c], epsilon));
                var input = new Runs<T>(layout, px, c);
                var output = new Runs<T>(layout, py, c);
                for (int o = 0; o < layout.Outer; o++)
                    NormalizeRun(input.Run(o), pm[c], scale, pb[c], output.Run(o));
            });
        }
    }

    public static void Backward<T>(ChannelLayout layout, double epsilon, bool batchStatistics, ReadOnlySpan<T> x, ReadOnlySpan<T> mean,
                                   ReadOnlySpan<T> variance, ReadOnlySpan<T> gamma, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dgamma, Span<T> dbeta,
                                   int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* xFixed = x, dyFixed = dy, dxFixed = dx, meanFixed = mean, varianceFixed = variance, gammaFixed = gamma,
               dgammaFixed = dgamma, dbetaFixed = dbeta)
        {
            T* px = xFixed, pdy = dyFixed, pdx = dxFixed, pm = meanFixed, pv = varianceFixed, pg = gammaFixed, pdg = dgammaFixed, pdb = dbetaFixed;
            ForEachChannel(layout, maxDegreeOfParallelism, c =>
            {
                var input = new Runs<T>(layout, px, c);
                var upstream = new Runs<T>(layout, pdy, c);
                var result = new Runs<T>(layout, pdx, c);
                double mu = double.CreateTruncating(pm[c]), sigma = InverseStd(pv[c], epsilon), n = input.Count;
                double sumDy = upstream.Sum(), sumDyCentred = upstream.CentredProducts(input, mu);
                pdg[c] = T.CreateTruncating(sigma * sumDyCentred);
                pdb[c] = T.CreateTruncating(sumDy);
                var a = T.CreateTruncating(double.CreateTruncating(pg[c]) * sigma);
                var b = batchStatistics ? T.CreateTruncating(sumDy / n) : T.Zero;
                var k = batchStatistics ? T.CreateTruncating(sigma * sigma * sumDyCentred / n) : T.Zero;
                for (int o = 0; o < layout.Outer; o++)
                    BackwardRun(input.Run(o), upstream.Run(o), pm[c], k, b, a, result.Run(o));
            });
        }
    }

    /// <summary>y = ((x - mean) * scale) + beta, one pass (three TensorPrimitives passes cost batch norm a
    /// tenth of a ResNet-20 step), each operation rounded separately as those passes did.</summary>
    static void NormalizeRun<T>(ReadOnlySpan<T> x, T mean, T scale, T beta, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        fixed (T* px = x, py = y)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                Vector512<T> m = Vector512.Create(mean), s = Vector512.Create(scale), t = Vector512.Create(beta);
                for (; i <= x.Length - Vector512<T>.Count; i += Vector512<T>.Count)
                    ((Vector512.Load(px + i) - m) * s + t).Store(py + i);
            }
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<T> m = Vector256.Create(mean), s = Vector256.Create(scale), t = Vector256.Create(beta);
                for (; i <= x.Length - Vector256<T>.Count; i += Vector256<T>.Count)
                    ((Vector256.Load(px + i) - m) * s + t).Store(py + i);
            }
        }
        for (; i < x.Length; i++)
            y[i] = (x[i] - mean) * scale + beta;
    }

    /// <summary>dx = ((dy - (x - mean) * k) - b) * a, one pass, each operation rounded separately (the order of
    /// the five passes it replaces).</summary>
    static void BackwardRun<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, T mean, T k, T b, T a, Span<T> dx) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        fixed (T* px = x, pdy = dy, pdx = dx)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                Vector512<T> m = Vector512.Create(mean), vk = Vector512.Create(k), vb = Vector512.Create(b), va = Vector512.Create(a);
                for (; i <= x.Length - Vector512<T>.Count; i += Vector512<T>.Count)
                    ((Vector512.Load(pdy + i) - (Vector512.Load(px + i) - m) * vk - vb) * va).Store(pdx + i);
            }
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<T> m = Vector256.Create(mean), vk = Vector256.Create(k), vb = Vector256.Create(b), va = Vector256.Create(a);
                for (; i <= x.Length - Vector256<T>.Count; i += Vector256<T>.Count)
                    ((Vector256.Load(pdy + i) - (Vector256.Load(px + i) - m) * vk - vb) * va).Store(pdx + i);
            }
        }
        for (; i < x.Length; i++)
            dx[i] = (dy[i] - (x[i] - mean) * k - b) * a;
    }

    static double InverseStd<T>(T variance, double epsilon) where T : unmanaged, IFloatingPointIeee754<T> =>
        1 / Math.Sqrt(double.CreateTruncating(variance) + epsilon);

    static void ForEachChannel(ChannelLayout layout, int maxDegreeOfParallelism, Action<int> channel) =>
        FixedPartition.Run(layout.Channels, FixedPartition.Threads(maxDegreeOfParallelism, layout.Length >= ReductionLoops.ShareAboveElements), channel);

    /// <summary>Channel c of a [outer, channels, inner] buffer: Outer runs of Inner contiguous elements.</summary>
    readonly struct Runs<T>(ChannelLayout layout, T* data, int channel) where T : unmanaged, IFloatingPointIeee754<T>
    {
        public int Count => layout.Outer * layout.Inner;

        public Span<T> Run(int o) => new(data + ((long)o * layout.Channels + channel) * layout.Inner, layout.Inner);

        public double Sum()
        {
            double sum = 0;
            for (int o = 0; o < layout.Outer; o++) sum += LayoutLoops.SumAsDouble<T>(Run(o));
            return sum;
        }

        /// <summary>Sum of (v - mean)^2 in double, each run as eight partial sums like SumAsDouble.</summary>
        public double SquaredDeviations(double mean)
        {
            double sum = 0;
            for (int o = 0; o < layout.Outer; o++) sum += CentredDot(Run(o), Run(o), mean);
            return sum;
        }

        /// <summary>Sum of this * (other - mean) in double.</summary>
        public double CentredProducts(Runs<T> other, double mean)
        {
            double sum = 0;
            for (int o = 0; o < layout.Outer; o++) sum += CentredDot(Run(o), other.Run(o), mean);
            return sum;
        }

        /// <summary>sum of a_i (b_i - mean) in double: element i goes to partial sum i mod 8, the partial sums are
        /// combined in a fixed order, then the tail is added in order. Products and sums are separate roundings.</summary>
        static double CentredDot(ReadOnlySpan<T> a, ReadOnlySpan<T> b, double mean)
        {
            var centre = Vector256.Create(mean);
            Vector256<double> low = Vector256<double>.Zero, high = Vector256<double>.Zero;
            int i = 0;
            for (; i + 8 <= a.Length; i += 8)
            {
                var (aLow, aHigh) = LayoutLoops.WidenEight(a.Slice(i, 8));
                var (bLow, bHigh) = LayoutLoops.WidenEight(b.Slice(i, 8));
                low += aLow * (bLow - centre);
                high += aHigh * (bHigh - centre);
            }
            var lanes = low + high;
            double sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
            for (; i < a.Length; i++) sum += double.CreateTruncating(a[i]) * (double.CreateTruncating(b[i]) - mean);
            return sum;
        }
    }
}
