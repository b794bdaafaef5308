using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Functional;
using Eoi.Nn.Modules;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>A Conv2d whose mask is below <see cref="Conv2d.SparseKernelMaxDensity"/> holds only its non-zeros and
/// computes, trains and checkpoints as the masked dense convolution does.</summary>
public class SparseConvModuleTests
{
    /// <summary>float64: at most 6 * 9 = 54 products of values below 1 per output, summed in different orders by
    /// the two paths (and 8 * 16 * 54 per gradient entry through a batch of 8 and 16 pixels): a few ulps of that
    /// is ~1e-12; 1e-10 leaves room and still catches any misplaced entry.</summary>
    const double Tolerance = 1e-10;

    [Fact]
    public void MatchesTheMaskedDenseConvolutionThroughTrainingSteps()
    {
        using var conv = new Conv2d(Cpu, 6, 5, 3, stride: 1, padding: 1, PaddingMode.Circular, elementType: ElementType.Float64);
        var mask = Mask(2, conv.Spec.Count, 0.2);
        conv.Assign(Uniform(1, conv.Spec.Count), mask);
        conv.Bias!.Assign(Uniform(3, 5));
        Assert.True(conv.IsSparse);
        Assert.Equal(mask, conv.ReadMask());

        // The reference: the same weight as a dense leaf with the mask re-applied after each step.
        using var referenceWeight = HostTensors.Upload(Cpu, ElementType.Float64, conv.WeightShape, conv.ReadWeight(), requiresGrad: true);
        using var referenceMask = HostTensors.Upload(Cpu, ElementType.Float64, conv.WeightShape, mask);
        using var referenceBias = HostTensors.Upload(Cpu, ElementType.Float64, [5], HostTensors.Read(conv.Bias.Value), requiresGrad: true);
        var hyper = new SgdHyperparameters(0.1, 0.9, 1e-3, true);
        using var sgd = new Sgd(conv.Parameters().Select(p => p.Parameter), hyper);
        using var referenceSgd = new Sgd([new TrainableParameter(referenceWeight, referenceMask), referenceBias], hyper);
        for (int step = 0; step < 3; step++)
        {
            var input = Uniform(10 + step, 8 * 6 * 4 * 4);
            using (var scope = TensorScope.Begin())
            {
                var x = HostTensors.Upload(Cpu, ElementType.Float64, [8, 6, 4, 4], input);
                var y = conv.Forward(x);
                var yReference = x.Conv2d(referenceWeight, 1, 1, PaddingMode.Circular).AddBias(referenceBias);
                AssertClose(HostTensors.Read(yReference), HostTensors.Read(y));
                y.Tanh().Sum().Backward();
                yReference.Tanh().Sum().Backward();
            }
            var referenceGradient = HostTensors.Read(referenceWeight.Grad!);
            for (int i = 0; i < mask.Length; i++) referenceGradient[i] *= mask[i];
            AssertClose(referenceGradient, conv.ReadWeightGradient()!);
            sgd.Step();
            referenceSgd.Step();
            sgd.ZeroGrad();
            referenceSgd.ZeroGrad();
            AssertClose(HostTensors.Read(referenceWeight), conv.ReadWeight());
        }
    }

    [Fact]
    public void KeepsTheMaskedDenseKernelAtOrAboveTheThreshold()
    {
        using var conv = new Conv2d(Cpu, 4, 4, 3, padding: 1, elementType: ElementType.Float64);
        conv.Assign(Uniform(1, conv.Spec.Count), Mask(2, conv.Spec.Count, 0.1));
        Assert.True(conv.IsSparse);
        conv.Assign(Uniform(1, conv.Spec.Count), Ones(conv.Spec.Count));
        Assert.False(conv.IsSparse);
        Assert.Equal(Uniform(1, conv.Spec.Count), conv.ReadWeight());
    }

    /// <summary>A checkpoint holds the dense weight and mask whatever the storage; loading it picks the storage
    /// from the mask again.</summary>
    [Fact]
    public void CheckpointsRoundTripASparseKernel()
    {
        using var conv = new Conv2d(Cpu, 4, 3, 3, padding: 1, elementType: ElementType.Float64);
        conv.Assign(Uniform(1, conv.Spec.Count), Mask(2, conv.Spec.Count, 0.15));
        var state = conv.ExportState();
        using var loaded = new Conv2d(Cpu, 4, 3, 3, padding: 1, elementType: ElementType.Float64);
        loaded.ImportState(state);
        Assert.True(loaded.IsSparse);
        Assert.Equal(conv.ReadWeight(), loaded.ReadWeight());
        Assert.Equal(conv.ReadMask(), loaded.ReadMask());
    }

    static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"index {i}: {expected[i]:R} vs {actual[i]:R}");
    }
}
