namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the panel layout the register tile streams through: A as
/// [kc][mr] per panel of mr rows, B as [kc][nr] per panel of nr columns. The transposes are absorbed
/// here, and rows or columns past the matrix edge are zero so edge tiles run the same code.
/// </summary>
internal static unsafe class GemmPacking<T> where T : unmanaged
{
    /// <summary>Panel of op(A) rows [row0, row0 + rows) x depth [p0, p0 + kc), rows &lt;= mr.</summary>
    public static void PackAPanel(T* destination, T* a, in GemmShape shape, int row0, int rows, int p0, int kc, int mr)
    {
        int lda = shape.Lda;
        if (shape.TransposeA)
        {
            // A is [k x m]: the mr values of one depth step are contiguous.
            for (int p = 0; p < kc; p++)
            {
                T* source = a + (long)(p0 + p) * lda + row0;
                T* target = destination + p * mr;
                for (int r = 0; r < rows; r++)
                    target[r] = source[r];
                for (int r = rows; r < mr; r++)
                    target[r] = default;
            }
            return;
        }
        // A is [m x k]: read each row contiguously, write it with stride mr.
        for (int r = 0; r < rows; r++)
        {
            T* source = a + (long)(row0 + r) * lda + p0;
            for (int p = 0; p < kc; p++)
                destination[p * mr + r] = source[p];
        }
        for (int r = rows; r < mr; r++)
            for (int p = 0; p < kc; p++)
                destination[p * mr + r] = default;
    }

    /// <summary>Panel of op(B) depth [p0, p0 + kc) x columns [col0, col0 + cols), cols &lt;= nr.</summary>
    public static void PackBPanel(T* destination, T* b, in GemmShape shape, int col0, int cols, int p0, int kc, int nr)
    {
        int ldb = shape.Ldb;
        if (!shape.TransposeB)
        {
            // B is [k x n]: one depth step is a contiguous run of columns.
            long bytes = (long)cols * sizeof(T);
            for (int p = 0; p < kc; p++)
            {
                T* target = destination + p * nr;
                Buffer.MemoryCopy(b + (long)(p0 + p) * ldb + col0, target, bytes, bytes);
                for (int j = cols; j < nr; j++)
                    target[j] = default;
            }
            return;
        }
        // B is [n x k]: read each stored row (a column of op(B)) contiguously, write it with stride nr.
        for (int j = 0; j < cols; j++)
        {
            T* source = b + (long)(col0 + j) * ldb + p0;
            for (int p = 0; p < kc; p++)
                destination[p * nr + j] = source[p];
        }
        for (int j = cols; j < nr; j++)
            for (int p = 0; p < kc; p++)
                destination[p * nr + j] = default;
    }
}
