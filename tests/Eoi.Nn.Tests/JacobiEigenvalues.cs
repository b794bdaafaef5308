namespace Eoi.Nn.Tests;

/// <summary>
/// The reference the fast solver is checked against: eigenvalues of a real symmetric matrix by the cyclic
/// Jacobi method (Golub and Van Loan, "Matrix Computations", §8.5), sweeping every off-diagonal pair (p, q)
/// and zeroing it with a plane rotation until the off-diagonal mass is at rounding level. O(n^3) per sweep and
/// 6-10 sweeps, hence too slow for a 1000-layer network's spectra, but short and independent of the
/// tridiagonal QR algorithm it checks.
/// </summary>
static class JacobiEigenvalues
{
    /// <summary>Jacobi converges quadratically; 60 sweeps is far beyond what any matrix needs.</summary>
    const int MaxSweeps = 60;

    /// <summary>Descending.</summary>
    public static double[] Of(double[] matrix, int n)
    {
        var a = (double[])matrix.Clone();
        double threshold = a.Sum(v => v * v) * 1e-32;
        for (int sweep = 0; sweep < MaxSweeps && OffDiagonalSquares(a, n) > threshold; sweep++)
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                    Rotate(a, n, p, q);
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i * n + i];
        Array.Sort(values, (x, y) => y.CompareTo(x));
        return values;
    }

    /// <summary>A = J^T A J for the rotation J(p, q, theta) that zeroes a[p, q].</summary>
    static void Rotate(double[] a, int n, int p, int q)
    {
        double apq = a[p * n + q];
        if (apq == 0) return;
        double app = a[p * n + p], aqq = a[q * n + q];
        double theta = (aqq - app) / (2 * apq);
        double t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[k * n + p], akq = a[k * n + q];
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p * n + k], aqk = a[q * n + k];
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
        }
        a[p * n + q] = a[q * n + p] = 0;
    }

    static double OffDiagonalSquares(double[] a, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j) sum += a[i * n + j] * a[i * n + j];
        return sum;
    }
}
