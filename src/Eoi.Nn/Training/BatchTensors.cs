using Eoi.Autograd;
using Eoi.Backends;
using Eoi.Core;
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
        ? Tensor.FromArray(Backend, batch.Shape, batch.Inputs)
        : HostTensors.Upload(Backend, ElementType, batch.Shape, Array.ConvertAll(batch.Inputs, v => (double)v));

    public ClassLabels Labels(MiniBatch batch, int classCount) => ClassLabels.FromArray(Backend, batch.Labels, classCount);

    /// <summary>A batch's loss and how many rows of its [batch, classes] logits have their largest entry (the
    /// first, on ties) at the label, read back in one download: the count is made on the device beside the
    /// loss (<see cref="IBackend.CountCorrect"/>), so the logits never leave it.</summary>
    public static (double Loss, int Correct) ReadLossAndCorrect(Tensor loss, Tensor logits, ClassLabels labels)
    {
        var backend = loss.Backend;
        using var readout = backend.Allocate(loss.ElementType, 2);
        backend.Copy(loss.Buffer, readout.Slice(0, 1));
        backend.CountCorrect(logits.Shape[0], logits.Shape[1], logits.Buffer, labels.Buffer, readout.Slice(1, 1));
        if (loss.ElementType == ElementType.Float32)
        {
            Span<float> singles = stackalloc float[2];
            backend.Download(readout, singles);
            return (singles[0], (int)singles[1]);
        }
        Span<double> doubles = stackalloc double[2];
        backend.Download(readout, doubles);
        return (doubles[0], (int)doubles[1]);
    }
}
