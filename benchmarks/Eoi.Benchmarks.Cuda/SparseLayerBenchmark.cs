using Eoi.Autograd;
using Eoi.Core;

namespace Eoi.Benchmarks.Cuda;

/// <summary>
/// One linear layer, forward and backward (y = x W^T, then dx and dW from a given dy), width x width with a
/// batch of rows: the sparse layer (cuSPARSE SpMM / SDDMM through <see cref="SparseLinearOps.SparseLinear"/>)
/// at each density against the dense one (cuBLAS GEMM through <see cref="MatMulOps.MatMul"/>). Both go
/// through autograd, as training does.
/// </summary>
static class SparseLayerBenchmark
{
    public static IEnumerable<BenchmarkResult> Run(BenchmarkDevice device, BenchmarkSettings settings)
    {
        var backend = device.Backend;
        var random = new Random(1);
        foreach (int width in settings.LayerWidths)
        {
            int batch = settings.Batch;
            using var x = Tensor.FromArray(backend, [batch, width], RandomWeights.Floats(random, batch * width), requiresGrad: true);
            using var dy = Tensor.FromArray(backend, [batch, width], RandomWeights.Floats(random, batch * width));

            using (var dense = Tensor.FromArray(backend, [width, width], RandomWeights.Floats(random, width * width, 1 / Math.Sqrt(width)), requiresGrad: true))
                yield return Time(device, settings, "dense", width, 1, x, dense, () => x.MatMul(dense, transposeB: true).Backward(dy));

            foreach (double density in settings.LayerDensities)
            {
                var pattern = RandomWeights.Pattern(random, width, width, density);
                using var sparse = SparseParameter.FromCsr(backend, new CsrMatrix(pattern, RandomWeights.Values(random, pattern)));
                yield return Time(device, settings, "sparse", width, density, x, sparse.Values, () => x.SparseLinear(sparse).Backward(dy));
            }
        }
    }

    static BenchmarkResult Time(BenchmarkDevice device, BenchmarkSettings settings, string variant, int width, double density,
        Tensor x, Tensor weight, Action forwardBackward)
    {
        var time = Timing.Measure(() =>
        {
            using (TensorScope.Begin()) forwardBackward();
            x.ClearGrad();
            weight.ClearGrad();
        }, device.Synchronize, settings);
        return new BenchmarkResult("layer", variant, width, settings.Batch, density, time);
    }
}
