using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Eoi.Core;

namespace Eoi.Nn.Analysis;

/// <summary>
/// Eigenvalues of a real symmetric matrix in O(n^3) with a small constant (Golub and Van Loan, "Matrix
/// Computations", §8.3): Householder reflections reduce it to a tridiagonal matrix with the same eigenvalues
/// (about 4/3 n^3 flops), then the implicit symmetric QR algorithm with Wilkinson shifts diagonalises that
/// in O(n^2). Every loop runs in a fixed order and the vectorised parts are element-wise (no SIMD
/// reductions), so the same input gives the same bits whatever the thread count. Backward stable: the
/// eigenvalues are exact for a matrix within a few ulps times n of the input (in norm), the same accuracy
/// class as the cyclic Jacobi method, which the tests use as the reference.
/// </summary>
public static class SymmetricEigen
{
    /// <summary>Unit roundoff of float64 (2^-52): an off-diagonal entry below it relative to its two diagonal
    /// neighbours changes no eigenvalue beyond rounding (GVL §8.3.5's deflation criterion).</summary>
    const double Epsilon = 1.0 / (1L << 52);

    /// <summary>QR steps allowed per eigenvalue. The Wilkinson-shifted iteration converges cubically, typically
    /// in 2-3 steps per eigenvalue; 30 is the customary generous bound (LAPACK's dsteqr also allows 30).</summary>
    const int MaxStepsPerEigenvalue = 30;

    /// <summary>The eigenvalues of the n x n matrix <paramref name="matrix"/> (row-major; only symmetry is assumed,
    /// it is not checked), in descending order. The input is not modified.</summary>
    public static double[] Eigenvalues(ReadOnlySpan<double> matrix, int n)
    {
        Guard.Positive(n, nameof(n));
        if (matrix.Length != n * n)
            throw new EoiArgumentException(nameof(matrix), $"matrix must hold n * n = {n * n} entries; got {matrix.Length}");
        var (diagonal, offDiagonal) = Tridiagonalize(matrix.ToArray(), n);
        DiagonalizeTridiagonal(diagonal, offDiagonal);
        Array.Sort(diagonal, (x, y) => y.CompareTo(x));
        return diagonal;
    }

    /// <summary>Householder reduction Q^T A Q = T (GVL Algorithm 8.3.1), overwriting <paramref name="a"/>;
    /// returns T's diagonal and its n - 1 sub-diagonal entries.</summary>
    // Optimised at first call: a run's spectra are computed once or twice, too few calls for tiered compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static (double[] Diagonal, double[] OffDiagonal) Tridiagonalize(double[] a, int n)
    {
        var offDiagonal = new double[Math.Max(n - 1, 0)];
        var v = new double[n];
        var p = new double[n];
        for (int k = 0; k < n - 2; k++)
        {
            // The reflection H = I - beta v v^T (v[0] = 1) with H x = |x| e_1, x = A[k+1.., k] (GVL Algorithm 5.1.1).
            int m = n - k - 1, start = k + 1;
            double x0 = a[start * n + k], sigma = 0;
            for (int i = 1; i < m; i++) sigma += a[(start + i) * n + k] * a[(start + i) * n + k];
            if (sigma == 0)
            {
                offDiagonal[k] = x0;
                continue;
            }
            double norm = Math.Sqrt(x0 * x0 + sigma);
            double v0 = x0 <= 0 ? x0 - norm : -sigma / (x0 + norm);
            double beta = 2 * v0 * v0 / (sigma + v0 * v0);
            var vs = v.AsSpan(0, m);
            vs[0] = 1;
            for (int i = 1; i < m; i++) vs[i] = a[(start + i) * n + k] / v0;
            offDiagonal[k] = norm;

            // The trailing block B = A[k+1.., k+1..] becomes H B H = B - v w^T - w v^T with p = beta B v and
            // w = p - (beta p^T v / 2) v. B v is summed row by row of B (B is symmetric), element-wise.
            var ps = p.AsSpan(0, m);
            ps.Clear();
            for (int j = 0; j < m; j++)
                TensorPrimitives.MultiplyAdd(a.AsSpan((start + j) * n + start, m), beta * vs[j], ps, ps);
            double pv = 0;
            for (int i = 0; i < m; i++) pv += ps[i] * vs[i];
            TensorPrimitives.MultiplyAdd(vs, -beta * pv / 2, ps, ps);
            for (int i = 0; i < m; i++)
            {
                var row = a.AsSpan((start + i) * n + start, m);
                TensorPrimitives.MultiplyAdd(ps, -vs[i], row, row);
                TensorPrimitives.MultiplyAdd(vs, -ps[i], row, row);
            }
        }
        if (n >= 2) offDiagonal[n - 2] = a[(n - 1) * n + n - 2];
        var diagonal = new double[n];
        for (int i = 0; i < n; i++) diagonal[i] = a[i * n + i];
        return (diagonal, offDiagonal);
    }

    /// <summary>The symmetric QR algorithm on a tridiagonal matrix (GVL Algorithm 8.3.3): deflate negligible
    /// off-diagonal entries, then take implicit Wilkinson-shifted QR steps on the last unreduced block until
    /// the diagonal holds the eigenvalues.</summary>
    static void DiagonalizeTridiagonal(double[] d, double[] e)
    {
        int n = d.Length, steps = 0;
        for (int hi = n - 1; hi > 0;)
        {
            if (Negligible(d, e, hi - 1))
            {
                e[hi - 1] = 0;
                hi--;
                continue;
            }
            int lo = hi - 1;
            while (lo > 0 && !Negligible(d, e, lo - 1)) lo--;
            if (lo > 0) e[lo - 1] = 0;
            if (++steps > MaxStepsPerEigenvalue * n)
                throw new EoiException($"symmetric QR did not converge in {MaxStepsPerEigenvalue * n} steps for a {n} x {n} matrix (is it finite?)");
            QrStep(d, e, lo, hi);
        }
    }

    static bool Negligible(double[] d, double[] e, int i) => Math.Abs(e[i]) <= Epsilon * (Math.Abs(d[i]) + Math.Abs(d[i + 1]));

    /// <summary>One implicit QR step with the Wilkinson shift on the unreduced block lo..hi (GVL Algorithm 8.3.2):
    /// a Givens rotation in plane (k, k+1) for k = lo..hi-1 chases the bulge down the band.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void QrStep(double[] d, double[] e, int lo, int hi)
    {
        double half = (d[hi - 1] - d[hi]) / 2, last = e[hi - 1];
        double shift = d[hi] - last * last / (half + (half >= 0 ? 1 : -1) * double.Hypot(half, last));
        double x = d[lo] - shift, z = e[lo];
        for (int k = lo; k < hi; k++)
        {
            double r = double.Hypot(x, z);
            double c = r == 0 ? 1 : x / r, s = r == 0 ? 0 : z / r;
            if (k > lo) e[k - 1] = r;
            double a = d[k], b = e[k], a2 = d[k + 1];
            d[k] = c * c * a + 2 * c * s * b + s * s * a2;
            d[k + 1] = s * s * a - 2 * c * s * b + c * c * a2;
            e[k] = c * s * (a2 - a) + (c * c - s * s) * b;
            if (k < hi - 1)
            {
                x = e[k];
                z = s * e[k + 1];
                e[k + 1] = c * e[k + 1];
            }
        }
    }
}
