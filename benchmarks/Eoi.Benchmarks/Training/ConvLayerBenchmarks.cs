using BenchmarkDotNet.Attributes;
using Eoi.Autograd;
using Eoi.Backends;
using Eoi.Backends.Cpu;
using Eoi.Core;

namespace Eoi.Benchmarks.Training;

/// <summary>
/// One convolution layer's share of a training step (forward, input gradient, kernel gradient) on a batch of
/// 128, with a CSR kernel (<see cref="SparseConvolutionOps.SparseConv2d"/>) against the masked dense kernel
/// (<see cref="ConvolutionOps.Conv2d"/>, the baseline) at the same density, all cores. The layer shapes are
/// ResNet-20's first and last stages (16 channels at 32 x 32, 64 at 8 x 8) and CifarConv's first stride-2
/// layer (64 channels, 32 x 32 in, 16 x 16 out), where the CSR path's stride-2 loop once lost to dense. Where
/// the two meet is <c>Conv2d.SparseKernelMaxDensity</c>, the density below which a layer holds CSR.
/// </summary>
[MedianColumn]
public class ConvLayerBenchmarks
{
    const int Batch = 128;

    CpuBackend backend = null!;
    Tensor x = null!, denseWeight = null!, outputGrad = null!;
    SparseConvWeight sparseWeight = null!;
    ConvGeometry geometry;
    int stride;

    /// <summary>channels x side, then "s2" for stride 2: in = out channels, 3 x 3 kernel, stride 1 unless
    /// stated, padding 1.</summary>
    [Params("16x32", "64x8", "64x32s2")]
    public string Layer { get; set; } = "";

    [Params(0.1, 0.25, 0.4, 0.55)]
    public double Density { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        backend = new CpuBackend();
        var parts = Layer.Split('x', 's');
        int channels = int.Parse(parts[0]), side = int.Parse(parts[1]);
        stride = parts.Length > 2 ? int.Parse(parts[2]) : 1;
        geometry = new ConvGeometry(channels, side, side, 3, 3, stride, 1, PaddingMode.Zeros);
        int patch = geometry.PatchLength;
        var random = new System.Random(5);
        var weight = new double[channels * patch];
        for (int i = 0; i < weight.Length; i++)
            weight[i] = random.NextDouble() < Density ? 2 * random.NextDouble() - 1 : 0;
        sparseWeight = SparseConvWeight.FromCsr(backend, channels, 3, 3, Csr(channels, patch, weight));
        denseWeight = Tensor.FromArray(backend, [channels, channels, 3, 3], Array.ConvertAll(weight, v => (float)v), requiresGrad: true);
        x = Tensor.FromArray(backend, [Batch, channels, side, side], Uniform(random, Batch * geometry.ImageLength), requiresGrad: true);
        outputGrad = Tensor.FromArray(backend, [Batch, channels, geometry.OutHeight, geometry.OutWidth], Uniform(random, Batch * channels * geometry.OutputPixels));
    }

    /// <summary>The non-zeros of a dense row-major [rows, cols] matrix.</summary>
    static CsrMatrix Csr(int rows, int cols, double[] dense)
    {
        var offsets = new int[rows + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                if (dense[r * cols + c] != 0)
                {
                    columns.Add(c);
                    values.Add(dense[r * cols + c]);
                }
            offsets[r + 1] = columns.Count;
        }
        return new CsrMatrix(new SparsityPattern(rows, cols, offsets, [.. columns]), [.. values]);
    }

    static float[] Uniform(System.Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)(2 * random.NextDouble() - 1))];

    [Benchmark]
    public void Sparse() => Step(x.SparseConv2d(sparseWeight, stride, 1));

    [Benchmark(Baseline = true)]
    public void MaskedDense() => Step(x.Conv2d(denseWeight, stride, 1));

    void Step(Tensor y)
    {
        using var scope = TensorScope.Begin();
        y.Backward(outputGrad);
        x.ClearGrad();
        denseWeight.ClearGrad();
        sparseWeight.Values.ClearGrad();
        y.Dispose();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        x.Dispose();
        denseWeight.Dispose();
        outputGrad.Dispose();
        sparseWeight.Dispose();
        backend.Dispose();
    }
}
