using Eoi.Core;

namespace Eoi.Nn.Analysis;

/// <summary>
/// Eigenvalues of a real symmetric matrix by the cyclic Jacobi method (Golub and Van Loan, "Matrix
/// Computations", §8.5): sweep over every off-diagonal pair (p, q) and zero it with a plane rotation until
/// the off-diagonal mass is negligible. Slower than QR-based solvers, but short, in fixed order (the same bits
/// on every machine) and accurate to a few ulps of the largest eigenvalue.
/// </summary>
public static class SymmetricEigen
{
    /// <summary>Jacobi converges quadratically; 60 sweeps is far beyond what any matrix needs (typically 6-10).</summary>
    const int MaxSweeps = 60;

    /// <summary>The eigenvalues of the n x n matrix <paramref name="matrix"/> (row-major; only symmetry is assumed,
    /// it is not checked), in descending order. The input is not modified.</summary>
    public static double[] Eigenvalues(ReadOnlySpan<double> matrix, int n)
    {
        Guard.Positive(n, nameof(n));
        if (matrix.Length != n * n)
            throw new EoiArgumentException(nameof(matrix), $"matrix must hold n * n = {n * n} entries; got {matrix.Length}");
        var a = matrix.ToArray();
        double total = 0;
        foreach (double v in a) total += v * v;
        // Stop when the off-diagonal part is at rounding level relative to the whole matrix.
        double threshold = total * 1e-32;
        for (int sweep = 0; sweep < MaxSweeps && OffDiagonalSquares(a, n) > threshold; sweep++)
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                    Rotate(a, n, p, q);
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i * n + i];
        Array.Sort(values, (x, y) => y.CompareTo(x));
        return values;
    }

    /// <summary>Applies the rotation J(p, q, theta) that zeroes a[p, q]: A = J^T A J.</summary>
    static void Rotate(double[] a, int n, int p, int q)
    {
        double apq = a[p * n + q];
        if (apq == 0) return;
        double app = a[p * n + p], aqq = a[q * n + q];
        // The smaller of the two rotation angles, computed without cancellation.
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
