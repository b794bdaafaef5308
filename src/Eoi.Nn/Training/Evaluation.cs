using Eoi.Autograd;
using Eoi.Data;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Training;

/// <summary>Mean cross-entropy and accuracy of a model on a whole dataset, in evaluation mode, without gradients.</summary>
public static class Evaluation
{
    public static (double Loss, double Accuracy) Run(Module model, Dataset dataset, int batchSize)
    {
        if (dataset.Count == 0) return (double.NaN, double.NaN);
        var tensors = BatchTensors.For(model);
        bool wasTraining = model.IsTraining;
        model.SetTraining(false);
        double lossSum = 0;
        long correct = 0;
        try
        {
            using var noGrad = GradMode.Disable();
            foreach (var batch in MiniBatches.InOrder(dataset, batchSize, [.. Enumerable.Range(0, dataset.Count)]))
            {
                using var scope = TensorScope.Begin();
                using var labels = tensors.Labels(batch, dataset.ClassCount);
                var logits = model.Forward(tensors.Inputs(batch));
                var (loss, batchCorrect) = BatchTensors.ReadLossAndCorrect(logits.CrossEntropy(labels), logits, labels);
                lossSum += loss * batch.Count;
                correct += batchCorrect;
            }
        }
        finally
        {
            model.SetTraining(wasTraining);
        }
        return (lossSum / dataset.Count, correct / (double)dataset.Count);
    }
}
