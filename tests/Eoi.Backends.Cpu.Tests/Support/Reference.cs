namespace Eoi.Backends.Cpu.Tests.Support;

/// <summary>Plain float64 loops that define what the kernels compute, each returning the value and the
/// magnitude (sum of absolute terms) that scales its error bound.</summary>
internal static class Reference
{
    public static (double Value, double Magnitude) GemmElement(bool transposeA, bool transposeB, int m, int n, int k,
        double[] a, double[] b, double cBefore, double beta, int i, int j)
    {
        double sum = beta == 0 ? 0 : beta * cBefore, magnitude = Math.Abs(sum);
        for (int p = 0; p < k; p++)
        {
            double term = (transposeA ? a[p * m + i] : a[i * k + p]) * (transposeB ? b[j * k + p] : b[p * n + j]);
            sum += term;
            magnitude += Math.Abs(term);
        }
        return (sum, magnitude);
    }

    public static (double Value, double Magnitude) SpmmElement(Csr a, int n, double[] b, double cBefore, double beta, int i, int j)
    {
        double sum = beta == 0 ? 0 : beta * cBefore, magnitude = Math.Abs(sum);
        for (int p = a.RowOffsets[i]; p < a.RowOffsets[i + 1]; p++)
        {
            double term = a.Values[p] * b[a.ColumnIndices[p] * n + j];
            sum += term;
            magnitude += Math.Abs(term);
        }
        return (sum, magnitude);
    }

    public static (double Value, double Magnitude) Dot(double[] x, int xRow, double[] y, int yRow, int n)
    {
        double sum = 0, magnitude = 0;
        for (int i = 0; i < n; i++)
        {
            double term = x[xRow * n + i] * y[yRow * n + i];
            sum += term;
            magnitude += Math.Abs(term);
        }
        return (sum, magnitude);
    }
}
