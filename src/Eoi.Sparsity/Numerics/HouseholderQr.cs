namespace Eoi.Sparsity;

/// <summary>
/// The Q factor of a thin QR decomposition by Householder reflections, with the sign fix of
/// torch.nn.init.orthogonal_: column j of Q is multiplied by sign(R_jj), so R has a positive diagonal and,
/// for a Gaussian input, Q is Haar distributed (Mezzadri, "How to generate random matrices from the classical
/// compact groups", 2007). A zero R_jj (measure zero) keeps its column (sign taken as +1).
/// </summary>
static class HouseholderQr
{
    /// <summary>Q (rows x cols, orthonormal columns) of the row-major rows x cols matrix a; rows >= cols.</summary>
    public static double[] OrthonormalColumns(double[] a, int rows, int cols)
    {
        if (rows < cols) throw new ArgumentException("HouseholderQr needs rows >= cols", nameof(a));
        var r = (double[])a.Clone();
        var reflectors = new double[cols][];
        var diagonalSign = new double[cols];
        for (int j = 0; j < cols; j++)
        {
            double norm = 0;
            for (int i = j; i < rows; i++) norm += r[i * cols + j] * r[i * cols + j];
            norm = Math.Sqrt(norm);
            double x0 = r[j * cols + j];
            // alpha = -sign(x0) ||x|| avoids cancellation in v = x - alpha e1; R_jj = alpha.
            double alpha = x0 >= 0 ? -norm : norm;
            diagonalSign[j] = alpha < 0 ? -1.0 : 1.0;
            var v = new double[rows - j];
            for (int i = j; i < rows; i++) v[i - j] = r[i * cols + j];
            v[0] -= alpha;
            double vNorm = 0;
            foreach (double x in v) vNorm += x * x;
            vNorm = Math.Sqrt(vNorm);
            if (vNorm == 0) { reflectors[j] = []; continue; }
            for (int i = 0; i < v.Length; i++) v[i] /= vNorm;
            reflectors[j] = v;
            Reflect(r, v, j, rows, cols, j);
        }
        // Q = H_0 H_1 ... H_{cols-1} [I; 0], applied right to left.
        var q = new double[rows * cols];
        for (int j = 0; j < cols; j++) q[j * cols + j] = 1.0;
        for (int j = cols - 1; j >= 0; j--)
            if (reflectors[j].Length > 0) Reflect(q, reflectors[j], j, rows, cols, 0);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                q[i * cols + j] *= diagonalSign[j];
        return q;
    }

    // m[j:, firstCol:] -= 2 v (v^T m[j:, firstCol:]) for a unit v of length rows - j.
    static void Reflect(double[] m, double[] v, int j, int rows, int cols, int firstCol)
    {
        var w = new double[cols];
        for (int i = j; i < rows; i++)
        {
            double vi = v[i - j];
            if (vi == 0) continue;
            for (int c = firstCol; c < cols; c++) w[c] += vi * m[i * cols + c];
        }
        for (int i = j; i < rows; i++)
        {
            double vi = 2.0 * v[i - j];
            if (vi == 0) continue;
            for (int c = firstCol; c < cols; c++) m[i * cols + c] -= vi * w[c];
        }
    }
}
