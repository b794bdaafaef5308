using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

public class CublasTests
{
    [Fact]
    public void SgemmOnRowMajorDataMatchesTheCpu()
    {
        using var context = Gpu.Context();
        using var blas = CublasHandle.Create(context);
        blas.SetMathMode(CublasMath.CUBLAS_DEFAULT_MATH);
        const int m = 5, k = 7, n = 3;
        const float alpha = 1.5f, beta = 0.5f;
        float[] a = [.. Enumerable.Range(0, m * k).Select(i => (i % 11) * 0.25f - 1)];  // row-major m×k
        float[] b = [.. Enumerable.Range(0, k * n).Select(i => (i % 7) * 0.5f - 1.5f)]; // row-major k×n
        float[] c = [.. Enumerable.Repeat(1f, m * n)];                                    // row-major m×n
        using var da = DeviceAllocation.FromHost<float>(context, a);
        using var db = DeviceAllocation.FromHost<float>(context, b);
        using var dc = DeviceAllocation.FromHost<float>(context, c);

        // Row-major C = A·B is column-major Cᵀ = Bᵀ·Aᵀ, and a row-major matrix read column-major is its transpose.
        blas.Gemm(CublasOperation.CUBLAS_OP_N, CublasOperation.CUBLAS_OP_N, n, m, k, alpha, db, n, da, k, beta, dc, n);

        var result = new float[m * n];
        dc.CopyToHost<float>(result);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float dot = 0;
                for (int p = 0; p < k; p++) dot += a[i * k + p] * b[p * n + j];
                Assert.Equal(alpha * dot + beta * c[i * n + j], result[i * n + j], 1e-4f);
            }
    }

    [Fact]
    public void DgemmWithATransposedOperandOnAStreamMatchesTheCpu()
    {
        using var context = Gpu.Context();
        using var blas = CublasHandle.Create(context);
        using var stream = CudaStream.Create(context);
        blas.SetStream(stream);
        Assert.True(blas.Version > 0);
        const int m = 4, n = 3, k = 6;
        double[] a = [.. Enumerable.Range(0, k * m).Select(i => Math.Sin(i))]; // column-major k×m; op(A) = Aᵀ is m×k
        double[] b = [.. Enumerable.Range(0, k * n).Select(i => Math.Cos(i))]; // column-major k×n
        using var da = DeviceAllocation.FromHost<double>(context, a);
        using var db = DeviceAllocation.FromHost<double>(context, b);
        using var dc = DeviceAllocation.Allocate(context, m * n * sizeof(double));

        blas.Gemm(CublasOperation.CUBLAS_OP_T, CublasOperation.CUBLAS_OP_N, m, n, k, 1.0, da, k, db, k, 0.0, dc, m);
        stream.Synchronize();

        var result = new double[m * n];
        dc.CopyToHost<double>(result);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double dot = 0;
                for (int p = 0; p < k; p++) dot += a[p + i * k] * b[p + j * k];
                Assert.Equal(dot, result[i + j * m], 1e-12);
            }
    }

    [Fact]
    public void AnOperandTooSmallIsRejectedBeforeReachingTheDevice()
    {
        using var context = Gpu.Context();
        using var blas = CublasHandle.Create(context);
        using var small = DeviceAllocation.Allocate(context, 8 * sizeof(float));
        using var large = DeviceAllocation.Allocate(context, 64 * sizeof(float));

        var e = Assert.Throws<EoiArgumentException>(() =>
            blas.Gemm(CublasOperation.CUBLAS_OP_N, CublasOperation.CUBLAS_OP_N, 4, 4, 4, 1f, small, 4, large, 4, 0f, large, 4));
        Assert.Equal("a", e.ParameterName);
    }
}
