using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

public class CusparseTests
{
    // A 4×5 CSR matrix with an empty row:
    // [0 1 0 0 2]
    // [3 0 0 0 0]
    // [0 0 0 0 0]
    // [0 0 4 5 6]
    const int Rows = 4, Columns = 5;
    static readonly int[] RowOffsets = [0, 2, 3, 3, 6];
    static readonly int[] ColumnIndices = [1, 4, 0, 2, 3, 4];
    static readonly float[] Values = [1, 2, 3, 4, 5, 6];

    sealed class Csr(CudaContext context, float[] values) : IDisposable
    {
        public readonly DeviceAllocation RowOffsets = DeviceAllocation.FromHost<int>(context, CusparseTests.RowOffsets);
        public readonly DeviceAllocation ColumnIndices = DeviceAllocation.FromHost<int>(context, CusparseTests.ColumnIndices);
        public readonly DeviceAllocation Values = DeviceAllocation.FromHost<float>(context, values);

        public SparseMatrixDescriptor Descriptor() => SparseMatrixDescriptor.Csr(
            Rows, Columns, CusparseTests.Values.Length, RowOffsets, ColumnIndices, Values, CudaDataType.CUDA_R_32F);

        public void Dispose()
        {
            RowOffsets.Dispose();
            ColumnIndices.Dispose();
            Values.Dispose();
        }
    }

    static IEnumerable<(int Row, int Column, int Entry)> Entries()
    {
        for (int i = 0; i < Rows; i++)
            for (int e = RowOffsets[i]; e < RowOffsets[i + 1]; e++) yield return (i, ColumnIndices[e], e);
    }

    [Fact]
    public void SpMMMatchesTheCpu()
    {
        using var context = Gpu.Context();
        using var sparse = CusparseHandle.Create(context);
        Assert.True(sparse.Version > 0);
        const int n = 3;
        const float alpha = 2f, beta = 0.5f;
        float[] b = [.. Enumerable.Range(0, Columns * n).Select(i => i * 0.25f - 1)]; // row-major 5×3
        float[] c = [.. Enumerable.Repeat(1f, Rows * n)];                             // row-major 4×3
        using var csr = new Csr(context, Values);
        using var db = DeviceAllocation.FromHost<float>(context, b);
        using var dc = DeviceAllocation.FromHost<float>(context, c);
        using var a = csr.Descriptor();
        using var bMatrix = DenseMatrixDescriptor.Create(Columns, n, n, db, CudaDataType.CUDA_R_32F);
        using var cMatrix = DenseMatrixDescriptor.Create(Rows, n, n, dc, CudaDataType.CUDA_R_32F);

        var product = new SpMM<float>(a, bMatrix, cMatrix, alpha, beta);
        long bytes = sparse.WorkspaceSize(product);
        using var workspace = bytes > 0 ? DeviceAllocation.Allocate(context, bytes) : null;
        sparse.Run(product, workspace);

        var expected = c.Select(v => beta * v).ToArray();
        foreach (var (i, p, e) in Entries())
            for (int j = 0; j < n; j++) expected[i * n + j] += alpha * Values[e] * b[p * n + j];
        var result = new float[Rows * n];
        dc.CopyToHost<float>(result);
        for (int x = 0; x < result.Length; x++) Assert.Equal(expected[x], result[x], 1e-4f);
    }

    [Fact]
    public void SddmmMatchesTheCpuOnThePatternOnly()
    {
        using var context = Gpu.Context();
        using var sparse = CusparseHandle.Create(context);
        const int inner = 6;
        const float alpha = 1.5f, beta = 0.5f;
        float[] a = [.. Enumerable.Range(0, Rows * inner).Select(i => MathF.Sin(i))];    // row-major 4×6
        float[] b = [.. Enumerable.Range(0, inner * Columns).Select(i => MathF.Cos(i))]; // row-major 6×5
        using var da = DeviceAllocation.FromHost<float>(context, a);
        using var db = DeviceAllocation.FromHost<float>(context, b);
        using var csr = new Csr(context, Values);
        using var aMatrix = DenseMatrixDescriptor.Create(Rows, inner, inner, da, CudaDataType.CUDA_R_32F);
        using var bMatrix = DenseMatrixDescriptor.Create(inner, Columns, Columns, db, CudaDataType.CUDA_R_32F);
        using var c = csr.Descriptor();

        var product = new Sddmm<float>(aMatrix, bMatrix, c, alpha, beta);
        long bytes = sparse.WorkspaceSize(product);
        using var workspace = bytes > 0 ? DeviceAllocation.Allocate(context, bytes) : null;
        sparse.Preprocess(product, workspace);
        sparse.Run(product, workspace);

        var result = new float[Values.Length];
        csr.Values.CopyToHost<float>(result);
        foreach (var (i, j, e) in Entries())
        {
            float dot = 0;
            for (int p = 0; p < inner; p++) dot += a[i * inner + p] * b[p * Columns + j];
            Assert.Equal(alpha * dot + beta * Values[e], result[e], 1e-4f);
        }
    }
}
