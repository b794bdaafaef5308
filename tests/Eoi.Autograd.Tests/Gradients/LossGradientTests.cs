using Eoi.Core;

using static Eoi.Autograd.Tests.TestData;

namespace Eoi.Autograd.Tests.Gradients;

public class LossGradientTests
{
    [EoiProperty]
    public void LogSoftmax(Dim rows, Dim extraClasses, int seed)
    {
        Shape shape = [rows, extraClasses + 1];
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf(shape, v[0]);
            return (x.LogSoftmax(), [x]);
        }, [Uniform(seed, shape.ElementCount, -3, 3)], seed);
    }

    [EoiProperty]
    public void NllAndCrossEntropy(Dim rows, Dim extraClasses, bool crossEntropy, int seed)
    {
        int classes = extraClasses + 1;
        Shape shape = [rows, classes];
        using var labels = ClassLabels.FromArray(Cpu, RandomLabels(seed, rows, classes), classes);
        GradientCheck.AssertGradients(v =>
        {
            var x = Leaf(shape, v[0]);
            return (crossEntropy ? x.CrossEntropy(labels) : x.NllLoss(labels), [x]);
        }, [Uniform(seed, shape.ElementCount, -3, 3)], seed);
    }

    /// <summary>Cross-entropy of uniform logits is log(classes), whatever the labels.</summary>
    [Fact]
    public void CrossEntropyOfUniformLogitsIsLogClassCount()
    {
        using var labels = ClassLabels.FromArray(Cpu, [0, 3, 9], 10);
        var logits = Tensor.Zeros(Cpu, [3, 10], ElementType.Float64);
        Assert.Equal(Math.Log(10), logits.CrossEntropy(labels).Item(), 1e-15);
    }

    static int[] RandomLabels(int seed, int count, int classes)
    {
        var random = new System.Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.Next(classes)).ToArray();
    }
}
