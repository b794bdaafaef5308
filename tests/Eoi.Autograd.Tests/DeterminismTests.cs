using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Backends.Cpu;
using Eoi.Core;

namespace Eoi.Autograd.Tests;

/// <summary>Training repeats bit for bit: same inputs, same bits, whatever the number of threads.</summary>
public class DeterminismTests
{
    [Fact]
    public void TrainingStepsRepeatBitForBit()
    {
        var backend = new CpuBackend();
        Assert.Equal(TrainBits(backend), TrainBits(backend));
    }

    [Fact]
    public void ThreadCountDoesNotChangeTheBits() =>
        Assert.Equal(TrainBits(new CpuBackend(maxDegreeOfParallelism: 1)), TrainBits(new CpuBackend()));

    /// <summary>Three Nesterov-SGD steps of a float32 conv + sparse + dense classifier; the final weights' bits.</summary>
    static int[] TrainBits(IBackend cpu)
    {
        using var scope = TensorScope.Begin();
        var conv = Tensor.FromArray(cpu, [4, 2, 3, 3], Floats(1, 72), requiresGrad: true);
        var convBias = Tensor.Zeros(cpu, [4], requiresGrad: true);
        var pattern = TestData.RandomPattern(2, 32, 64, 0.3);
        using var sparse = SparseParameter.FromCsr(cpu, new CsrMatrix(pattern, TestData.Uniform(3, (int)pattern.NonZeros)));
        var head = Tensor.FromArray(cpu, [10, 32], Floats(4, 320), requiresGrad: true);
        var images = Tensor.FromArray(cpu, [8, 2, 8, 8], Floats(5, 1024));
        using var labels = ClassLabels.FromArray(cpu, [0, 1, 2, 3, 4, 5, 6, 7], 10);
        using var sgd = new Sgd([conv, convBias, sparse.Values, head], new SgdHyperparameters(0.05, 0.9, 1e-4, Nesterov: true));
        for (int step = 0; step < 3; step++)
        {
            using var stepScope = TensorScope.Begin();
            sgd.ZeroGrad();
            var features = images.Conv2d(conv, stride: 1, padding: 1, PaddingMode.Circular).AddBias(convBias).Tanh().AvgPool2d(2).Flatten();
            var logits = features.SparseLinear(sparse).Relu().MatMul(head, transposeB: true);
            logits.CrossEntropy(labels).Backward();
            sgd.Step();
        }
        return [.. new[] { conv, sparse.Values, head }.SelectMany(t => t.ToArray<float>()).Select(BitConverter.SingleToInt32Bits)];
    }

    static float[] Floats(int seed, int count) => Array.ConvertAll(TestData.Uniform(seed, count, -0.5, 0.5), v => (float)v);
}
