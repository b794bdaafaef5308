using System.Buffers;
using System.Numerics;
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
        // A pooled copy: a 128 x 128 matrix is 128 KB, on the large-object heap if allocated, where a thousand
        // layers' worth of them set off a full collection every few dozen layers.
        var work = ArrayPool<double>.Shared.Rent(n * n);
        try
        {
            matrix.CopyTo(work);
            return EigenvaluesOverwriting(work.AsSpan(0, n * n), n);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(work);
        }
    }

    /// <summary><see cref="Eigenvalues"/> on a matrix it may overwrite (the caller's scratch space).</summary>
    internal static double[] EigenvaluesOverwriting(Span<double> matrix, int n)
    {
        var (diagonal, offDiagonal) = Tridiagonalize(matrix, n);
        DiagonalizeTridiagonal(diagonal, offDiagonal);
        Array.Sort(diagonal, (x, y) => y.CompareTo(x));
        return diagonal;
    }

    /// <summary>Householder reduction Q^T A Q = T (GVL Algorithm 8.3.1), overwriting <paramref name="a"/>;
    /// returns T's diagonal and its n - 1 sub-diagonal entries.</summary>
    // Optimised at first call: a run's spectra are computed once or twice, too few calls for tiered compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static (double[] Diagonal, double[] OffDiagonal) Tridiagonalize(Span<double> a, int n)
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
            var block = a[(start * n + start)..];
            int j = 0;
            for (; j + 4 <= m; j += 4)
                AddScaledRows(ps, block.Slice(j * n, m), beta * vs[j], block.Slice((j + 1) * n, m), beta * vs[j + 1],
                              block.Slice((j + 2) * n, m), beta * vs[j + 2], block.Slice((j + 3) * n, m), beta * vs[j + 3]);
            for (; j < m; j++) AddScaled(ps, block.Slice(j * n, m), beta * vs[j]);
            double pv = 0;
            for (int i = 0; i < m; i++) pv += ps[i] * vs[i];
            AddScaled(ps, vs, -beta * pv / 2);
            for (int i = 0; i < m; i++) SubtractRankTwo(block.Slice(i * n, m), ps, -vs[i], vs, -ps[i]);
        }
        if (n >= 2) offDiagonal[n - 2] = a[(n - 1) * n + n - 2];
        var diagonal = new double[n];
        for (int i = 0; i < n; i++) diagonal[i] = a[i * n + i];
        return (diagonal, offDiagonal);
    }

    // The loops below are element-wise: every lane rounds x * s and the sum separately (no fused multiply-add;
    // the JIT does not contract them), in the order written, so the vector and scalar tails agree in bits.

    /// <summary>sum += x * s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void AddScaled(Span<double> sum, ReadOnlySpan<double> x, double s)
    {
        int i = 0, width = Vector<double>.Count;
        var vs = new Vector<double>(s);
        for (; i + width <= sum.Length; i += width)
            (new Vector<double>(sum[i..]) + new Vector<double>(x[i..]) * vs).CopyTo(sum[i..]);
        for (; i < sum.Length; i++) sum[i] += x[i] * s;
    }

    /// <summary>sum += x0 s0, then x1 s1, x2 s2, x3 s3 (four rows of B v per pass over sum, in row order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void AddScaledRows(Span<double> sum, ReadOnlySpan<double> x0, double s0, ReadOnlySpan<double> x1, double s1,
                              ReadOnlySpan<double> x2, double s2, ReadOnlySpan<double> x3, double s3)
    {
        int i = 0, width = Vector<double>.Count;
        Vector<double> v0 = new(s0), v1 = new(s1), v2 = new(s2), v3 = new(s3);
        for (; i + width <= sum.Length; i += width)
        {
            var t = new Vector<double>(sum[i..]) + new Vector<double>(x0[i..]) * v0;
            t += new Vector<double>(x1[i..]) * v1;
            t += new Vector<double>(x2[i..]) * v2;
            (t + new Vector<double>(x3[i..]) * v3).CopyTo(sum[i..]);
        }
        for (; i < sum.Length; i++) sum[i] = sum[i] + x0[i] * s0 + x1[i] * s1 + x2[i] * s2 + x3[i] * s3;
    }

    /// <summary>row += p s, then row += v t: one row of B - v w^T - w v^T.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void SubtractRankTwo(Span<double> row, ReadOnlySpan<double> p, double s, ReadOnlySpan<double> v, double t)
    {
        int i = 0, width = Vector<double>.Count;
        Vector<double> vs = new(s), vt = new(t);
        for (; i + width <= row.Length; i += width)
            (new Vector<double>(row[i..]) + new Vector<double>(p[i..]) * vs + new Vector<double>(v[i..]) * vt).CopyTo(row[i..]);
        for (; i < row.Length; i++) row[i] = row[i] + p[i] * s + v[i] * t;
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
