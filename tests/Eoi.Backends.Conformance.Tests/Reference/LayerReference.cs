
namespace Eoi.Backends.Conformance.Tests;

/// <summary>Transpose, bias, log-softmax and negative log-likelihood by their definitions, in float64.</summary>
static class LayerReference
{
    public static double[] Transpose(int rows, int cols, double[] x)
    {
        var y = new double[x.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) y[c * rows + r] = x[r * cols + c];
        return y;
    }

    public static Expected BiasAdd(ChannelLayout layout, double[] x, double[] bias, double u)
    {
        var values = new double[x.Length];
        var bounds = new double[x.Length];
        for (int p = 0; p < x.Length; p++)
        {
            double b = bias[p / layout.Inner % layout.Channels];
            values[p] = x[p] + b;
            bounds[p] = Tolerances.Rounded(1, Math.Abs(x[p]) + Math.Abs(b), u);
        }
        return new Expected(values, bounds);
    }

    public static Expected BiasGrad(ChannelLayout layout, double[] dy, double u)
    {
        var values = new double[layout.Channels];
        var bounds = new double[layout.Channels];
        for (int c = 0; c < layout.Channels; c++)
        {
            double magnitude = 0;
            for (int o = 0; o < layout.Outer; o++)
                for (int i = 0; i < layout.Inner; i++)
                {
                    double v = dy[(o * layout.Channels + c) * layout.Inner + i];
                    values[c] += v;
                    magnitude += Math.Abs(v);
                }
            bounds[c] = Tolerances.Dot(layout.Outer * layout.Inner, magnitude, u);
        }
        return new Expected(values, bounds);
    }

    /// <summary>y = x - max - log(sum e^(x - max)) per row. The bound: cols exponentials (each within
    /// TranscendentalUnits) summed (cols - 1 roundings), a logarithm, then two subtractions, all against the
    /// size of the row's terms.</summary>
    public static Expected LogSoftmax(int rows, int cols, double[] x, double u)
    {
        var values = new double[x.Length];
        var bounds = new double[x.Length];
        for (int r = 0; r < rows; r++)
        {
            var row = x.AsSpan(r * cols, cols);
            double max = double.NegativeInfinity, sum = 0;
            foreach (double v in row) max = Math.Max(max, v);
            foreach (double v in row) sum += Math.Exp(v - max);
            double logSum = Math.Log(sum);
            for (int j = 0; j < cols; j++)
            {
                values[r * cols + j] = row[j] - max - logSum;
                bounds[r * cols + j] = Tolerances.Transcendental(cols + 12, 1 + Math.Abs(row[j]) + Math.Abs(max) + Math.Abs(logSum), u);
            }
        }
        return new Expected(values, bounds);
    }

    /// <summary>dx = dy - e^y * (row sum of dy).</summary>
    public static Expected LogSoftmaxBackward(int rows, int cols, double[] y, double[] dy, double u)
    {
        var values = new double[y.Length];
        var bounds = new double[y.Length];
        for (int r = 0; r < rows; r++)
        {
            double sum = 0, magnitude = 0;
            for (int j = 0; j < cols; j++)
            {
                sum += dy[r * cols + j];
                magnitude += Math.Abs(dy[r * cols + j]);
            }
            for (int j = 0; j < cols; j++)
            {
                int p = r * cols + j;
                values[p] = dy[p] - Math.Exp(y[p]) * sum;
                bounds[p] = Tolerances.Transcendental(cols + 3, Math.Abs(dy[p]) + Math.Exp(y[p]) * magnitude, u);
            }
        }
        return new Expected(values, bounds);
    }

    public static Expected NllLoss(int rows, int cols, double[] logProbs, int[] targets, double u)
    {
        double sum = 0, magnitude = 0;
        for (int r = 0; r < rows; r++)
        {
            sum += logProbs[r * cols + targets[r]];
            magnitude += Math.Abs(logProbs[r * cols + targets[r]]);
        }
        return new Expected([-sum / rows], [Tolerances.Dot(rows, magnitude / rows, u)]);
    }

    public static Expected NllLossBackward(int rows, int cols, int[] targets, double dLoss, double u)
    {
        var values = new double[rows * cols];
        double g = -dLoss / rows;
        for (int r = 0; r < rows; r++) values[r * cols + targets[r]] = g;
        return new Expected(values, [.. values.Select(v => Tolerances.Rounded(1, Math.Abs(v), u))]);
    }
}
