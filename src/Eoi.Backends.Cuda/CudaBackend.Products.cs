using Eoi.Backends.Cuda.Blas;
using Eoi.Backends.Cuda.Kernels;
using Eoi.Backends.Cuda.Memory;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda;

// Dense products through cuBLAS, sparse ones through cuSPARSE. The libraries handle the general case; the
// degenerate shapes they reject or treat inconsistently (an empty product, no stored entries) are done here.
public sealed partial class CudaBackend
{
    public void Gemm(bool transposeA, bool transposeB, int m, int n, int k, DeviceBuffer a, DeviceBuffer b, DeviceBuffer c, double beta = 0)
    {
        int aLength = Product(m, k), bLength = Product(k, n), cLength = Product(m, n);
        var type = Floating(a, b, c);
        var left = Pointer(a, aLength, nameof(a));
        var right = Pointer(b, bLength, nameof(b));
        var output = Operand(c, cLength, nameof(c));
        if (cLength == 0) return;
        if (k == 0)
        {
            // An empty sum: C = beta C. (cuBLAS would reject the zero leading dimension.)
            ScaleOrZero(output, beta);
            return;
        }
        RowMajorGemm.Run(context, blas, type, transposeA, transposeB, m, n, k, left, right, output.Pointer, beta);
    }

    public void Spmm(DeviceCsrPattern a, DeviceBuffer aValues, int n, DeviceBuffer b, DeviceBuffer c, double beta = 0)
    {
        var type = Floating(aValues, b, c);
        var matrix = Csr(a, aValues, nameof(aValues));
        var right = Pointer(b, Product(a.Cols, n), nameof(b));
        var output = Operand(c, Product(a.Rows, n), nameof(c));
        var plan = Plan(a);
        if (output.Length == 0) return;
        if (a.NonZeros == 0)
        {
            ScaleOrZero(output, beta);
            return;
        }
        if (beta == 0) FillWords(output, 0);
        sparseProducts.Spmm(plan, type, matrix, n, right, output.Pointer, beta);
    }

    public void Sddmm(DeviceCsrPattern pattern, int n, DeviceBuffer x, DeviceBuffer y, DeviceBuffer outValues)
    {
        var type = Floating(x, y, outValues);
        var matrix = Csr(pattern, outValues, nameof(outValues));
        var left = Pointer(x, Product(pattern.Rows, n), nameof(x));
        var right = Pointer(y, Product(pattern.Cols, n), nameof(y));
        var plan = Plan(pattern);
        if (pattern.NonZeros == 0) return;
        FillWords(Operand(outValues, pattern.NonZeros, nameof(outValues)), 0);
        if (n == 0) return; // every dot product is empty
        sparseProducts.Sddmm(plan, type, matrix, n, left, right);
    }

    /// <summary>C = beta C, where beta 0 means zero without reading C (as in BLAS).</summary>
    void ScaleOrZero(CudaBuffer c, double beta)
    {
        if (beta == 0)
            FillWords(c, 0);
        else
            kernels.ForEach(KernelModule.Elementwise, "scale", c.ElementType, c.Length,
                new KernelArguments().Add(c.Length).Real(beta, c.ElementType).Add(c.Pointer).Add(c.Pointer));
    }
}
