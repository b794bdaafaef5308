using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>Log-softmax over classes, the mean negative log-likelihood of target classes, and their
/// composition, cross-entropy. Logits and log-probabilities are [batch, classes].</summary>
public static class LossOps
{
    public static Tensor LogSoftmax(this Tensor x)
    {
        OpChecks.Rank(x, 2, nameof(x), "[batch, classes]");
        int rows = x.Shape[0], cols = x.Shape[1];
        var y = x.NewLike(x.Shape);
        x.Backend.LogSoftmax(rows, cols, x.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx => x.Backend.LogSoftmaxBackward(rows, cols, y.Buffer, g.Buffer, dx)), x);
    }

    /// <summary>-mean over samples of logProbs[sample, target]. The labels must stay alive until backward.</summary>
    public static Tensor NllLoss(this Tensor logProbs, ClassLabels targets)
    {
        OpChecks.Rank(logProbs, 2, nameof(logProbs), "[batch, classes]");
        Guard.NotNull(targets, nameof(targets));
        int rows = logProbs.Shape[0], cols = logProbs.Shape[1];
        if (!ReferenceEquals(targets.Backend, logProbs.Backend))
            throw new EoiArgumentException(nameof(targets), $"targets must live in the backend of logProbs ({logProbs.Backend.Name}); got {targets.Backend.Name}");
        if (targets.Count != rows || targets.ClassCount != cols)
            throw new EoiArgumentException(nameof(targets),
                $"targets must hold {rows} labels of {cols} classes to match logProbs {logProbs.Shape}; got {targets.Count} labels of {targets.ClassCount} classes");
        Guard.Positive(rows, "batch size");
        var loss = logProbs.NewLike(Shape.Scalar);
        logProbs.Backend.NllLoss(rows, cols, logProbs.Buffer, targets.Buffer, loss.Buffer);
        return loss.Record(g => logProbs.AccumulateGrad(d => logProbs.Backend.NllLossBackward(rows, cols, targets.Buffer, g.Buffer, d)), logProbs);
    }

    public static Tensor CrossEntropy(this Tensor logits, ClassLabels targets) => logits.LogSoftmax().NllLoss(targets);
}
