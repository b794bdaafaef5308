
namespace Eoi.Backends.Conformance.Tests;

/// <summary>Sums along an axis, broadcasts, max pooling, batch normalisation and the accuracy count by their
/// definitions, in float64.</summary>
static class DeviceReference
{
    /// <summary>A sum of Reduced terms and one scaling: gamma_{Reduced + 1} of |scale| times the sum of |terms|,
    /// as if the backend summed in its own type (it sums in double, so it does better).</summary>
    public static Expected SumAxis(ReductionLayout layout, double scale, double[] x, double u)
    {
        var values = new double[layout.ReducedLength];
        var bounds = new double[layout.ReducedLength];
        for (int o = 0; o < layout.Outer; o++)
            for (int i = 0; i < layout.Inner; i++)
            {
                double sum = 0, magnitude = 0;
                for (int r = 0; r < layout.Reduced; r++)
                {
                    double v = x[(o * layout.Reduced + r) * layout.Inner + i];
                    sum += v;
                    magnitude += Math.Abs(v);
                }
                values[o * layout.Inner + i] = scale * sum;
                bounds[o * layout.Inner + i] = Tolerances.Rounded(layout.Reduced + 1, Math.Abs(scale) * magnitude, u);
            }
        return new Expected(values, bounds);
    }

    /// <summary>y = scale * x repeated; <paramref name="scale"/> as the device holds it (rounded to the type).</summary>
    public static Expected BroadcastAxis(ReductionLayout layout, double scale, double[] x, double u)
    {
        var values = new double[layout.Length];
        for (int o = 0; o < layout.Outer; o++)
            for (int r = 0; r < layout.Reduced; r++)
                for (int i = 0; i < layout.Inner; i++)
                    values[(o * layout.Reduced + r) * layout.Inner + i] = scale * x[o * layout.Inner + i];
        return new Expected(values, [.. values.Select(v => Tolerances.Rounded(1, Math.Abs(v), u))]);
    }

    /// <summary>Each window's first maximum (a NaN beats any number) and its position in the plane.</summary>
    public static (double[] Values, int[] ArgMax) MaxPool(PoolGeometry g, double[] x)
    {
        var values = new double[g.OutputLength];
        var argMax = new int[g.OutputLength];
        int planeLength = g.Height * g.Width;
        for (int plane = 0, p = 0; plane < g.Planes; plane++)
            for (int oi = 0; oi < g.OutHeight; oi++)
                for (int oj = 0; oj < g.OutWidth; oj++, p++)
                {
                    int best = -1;
                    for (int ki = 0; ki < g.Kernel; ki++)
                        for (int kj = 0; kj < g.Kernel; kj++)
                        {
                            int at = (oi * g.Stride + ki) * g.Width + oj * g.Stride + kj;
                            double v = x[plane * planeLength + at];
                            if (best < 0 || v > x[plane * planeLength + best] || (double.IsNaN(v) && !double.IsNaN(x[plane * planeLength + best])))
                                best = at;
                        }
                    values[p] = x[plane * planeLength + best];
                    argMax[p] = best;
                }
        return (values, argMax);
    }

    /// <summary>dx = the sum of dy over the windows whose arg-max each element is: at most Kernel^2 terms.</summary>
    public static Expected MaxPoolBackward(PoolGeometry g, double[] dy, int[] argMax, double u)
    {
        var values = new double[g.InputLength];
        var magnitude = new double[g.InputLength];
        int planeLength = g.Height * g.Width, perPlane = g.OutHeight * g.OutWidth;
        for (int p = 0; p < dy.Length; p++)
        {
            int at = p / perPlane * planeLength + argMax[p];
            values[at] += dy[p];
            magnitude[at] += Math.Abs(dy[p]);
        }
        return new Expected(values, [.. magnitude.Select(m => Tolerances.Rounded(g.Kernel * g.Kernel, m, u))]);
    }

    /// <summary>Channel c's elements of a [outer, channels, inner] buffer.</summary>
    public static IEnumerable<int> Channel(ChannelLayout layout, int c)
    {
        for (int o = 0; o < layout.Outer; o++)
            for (int i = 0; i < layout.Inner; i++)
                yield return (o * layout.Channels + c) * layout.Inner + i;
    }

    /// <summary>Mean and biased variance (two passes). Bounds: the mean is a sum of n terms and a division; the
    /// variance a sum of n squares of differences, each difference carrying the mean's error, so gamma_{2n + 4}
    /// of the sum of (|x| + |mean|)^2 / n.</summary>
    public static (Expected Mean, Expected Variance) Moments(ChannelLayout layout, double[] x, double u)
    {
        int channels = layout.Channels;
        var mean = new double[channels];
        var variance = new double[channels];
        var meanBounds = new double[channels];
        var varianceBounds = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            var elements = Channel(layout, c).Select(p => x[p]).ToArray();
            int n = elements.Length;
            mean[c] = elements.Sum() / n;
            variance[c] = elements.Sum(v => (v - mean[c]) * (v - mean[c])) / n;
            meanBounds[c] = Tolerances.Rounded(n + 1, elements.Sum(Math.Abs) / n, u);
            double m = mean[c];
            varianceBounds[c] = Tolerances.Rounded(2 * n + 4, elements.Sum(v => (Math.Abs(v) + Math.Abs(m)) * (Math.Abs(v) + Math.Abs(m))) / n, u);
        }
        return (new Expected(mean, meanBounds), new Expected(variance, varianceBounds));
    }

    /// <summary>y = (x - mean) / sqrt(var + eps) * gamma + beta. Bound: the scale s (a square root, a division and
    /// a product, then rounded: 4 roundings of |s|), then three operations per element.</summary>
    public static Expected BatchNormalize(ChannelLayout layout, double epsilon, double[] x, double[] mean, double[] variance,
                                          double[] gamma, double[] beta, double u)
    {
        var values = new double[x.Length];
        var bounds = new double[x.Length];
        for (int c = 0; c < layout.Channels; c++)
        {
            double s = gamma[c] / Math.Sqrt(variance[c] + epsilon);
            foreach (int p in Channel(layout, c))
            {
                values[p] = (x[p] - mean[c]) * s + beta[c];
                bounds[p] = Tolerances.Rounded(7, (Math.Abs(x[p]) + Math.Abs(mean[c])) * Math.Abs(s) + Math.Abs(beta[c]), u);
            }
        }
        return new Expected(values, bounds);
    }

    /// <summary>The formulas of <see cref="IBackend.BatchNormalizeBackward"/> with the given mean and variance.
    /// Bounds: dbeta and dgamma are sums of n terms (gamma_{n + 4}); dx's constants b and k carry a sum's error
    /// (gamma_n) and the element chain five more roundings, all against the sizes of its terms.</summary>
    public static (Expected Dx, Expected Dgamma, Expected Dbeta) BatchNormalizeBackward(ChannelLayout layout, double epsilon, bool batchStatistics,
        double[] x, double[] mean, double[] variance, double[] gamma, double[] dy, double u)
    {
        int channels = layout.Channels, n = layout.Outer * layout.Inner;
        var dx = new double[x.Length];
        var dxBounds = new double[x.Length];
        var dgamma = new double[channels];
        var dgammaBounds = new double[channels];
        var dbeta = new double[channels];
        var dbetaBounds = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            double sigma = 1 / Math.Sqrt(variance[c] + epsilon);
            double sumDy = 0, sumDyCentred = 0, sumAbsDy = 0, sumAbsDyCentred = 0;
            foreach (int p in Channel(layout, c))
            {
                sumDy += dy[p];
                sumDyCentred += dy[p] * (x[p] - mean[c]);
                sumAbsDy += Math.Abs(dy[p]);
                sumAbsDyCentred += Math.Abs(dy[p]) * (Math.Abs(x[p]) + Math.Abs(mean[c]));
            }
            dbeta[c] = sumDy;
            dbetaBounds[c] = Tolerances.Rounded(n + 1, sumAbsDy, u);
            dgamma[c] = sigma * sumDyCentred;
            dgammaBounds[c] = Tolerances.Rounded(n + 4, sigma * sumAbsDyCentred, u);
            double a = gamma[c] * sigma;
            double b = batchStatistics ? sumDy / n : 0, k = batchStatistics ? sigma * sigma * sumDyCentred / n : 0;
            double bMagnitude = batchStatistics ? sumAbsDy / n : 0, kMagnitude = batchStatistics ? sigma * sigma * sumAbsDyCentred / n : 0;
            foreach (int p in Channel(layout, c))
            {
                double centred = Math.Abs(x[p]) + Math.Abs(mean[c]);
                dx[p] = ((dy[p] - (x[p] - mean[c]) * k) - b) * a;
                dxBounds[p] = Tolerances.Rounded(n + 10, Math.Abs(a) * (Math.Abs(dy[p]) + bMagnitude + centred * kMagnitude), u);
            }
        }
        return (new Expected(dx, dxBounds), new Expected(dgamma, dgammaBounds), new Expected(dbeta, dbetaBounds));
    }

    public static int CountCorrect(int rows, int cols, double[] scores, int[] targets)
    {
        int correct = 0;
        for (int r = 0; r < rows; r++)
        {
            int best = 0;
            for (int k = 1; k < cols; k++)
                if (scores[r * cols + k] > scores[r * cols + best]) best = k;
            if (best == targets[r]) correct++;
        }
        return correct;
    }
}
