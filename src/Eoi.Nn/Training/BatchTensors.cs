using Eoi.Autograd;
using Eoi.Core;
using Eoi.Core.Backend;
using Eoi.Data;
using Eoi.Nn.Functional;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Training;

/// <summary>A mini-batch uploaded for a model whose parameters live in <paramref name="Backend"/> as
/// <paramref name="ElementType"/>; the inputs go into the open tensor scope, the labels are the caller's to dispose.</summary>
readonly record struct BatchTensors(IBackend Backend, ElementType ElementType)
{
    /// <summary>Batches shaped for the backend and element type of the model's parameters.</summary>
    public static BatchTensors For(Module model)
    {
        var parameters = model.Parameters();
        if (parameters.Count == 0)
            throw new EoiArgumentException(nameof(model), "model must have at least one parameter to train or evaluate");
        var value = parameters[0].Parameter.Value;
        return new BatchTensors(value.Backend, value.ElementType);
    }

    public Tensor Inputs(MiniBatch batch) => ElementType == ElementType.Float32
        ? Tensor.FromArray(Backend, new Shape(batch.Shape), batch.Inputs)
        : HostTensors.Upload(Backend, ElementType, new Shape(batch.Shape), Array.ConvertAll(batch.Inputs, v => (double)v));

    public ClassLabels Labels(MiniBatch batch, int classCount) => ClassLabels.FromArray(Backend, batch.Labels, classCount);

    /// <summary>How many rows of the [batch, classes] logits have their largest entry (the first, on ties) at the label.</summary>
    public static int CountCorrect(Tensor logits, ReadOnlySpan<int> labels)
    {
        var values = HostTensors.Read(logits);
        int classes = logits.Shape[1], correct = 0;
        for (int n = 0; n < labels.Length; n++)
        {
            int best = 0;
            for (int k = 1; k < classes; k++)
                if (values[n * classes + k] > values[n * classes + best]) best = k;
            if (best == labels[n]) correct++;
        }
        return correct;
    }
}
