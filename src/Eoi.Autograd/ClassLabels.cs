using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>One class index per sample, in [0, ClassCount), stored in a backend as Int32: the targets of
/// <see cref="LossOps.NllLoss"/> and <see cref="LossOps.CrossEntropy"/>. The caller disposes it.</summary>
public sealed class ClassLabels : IDisposable
{
    readonly DeviceBuffer buffer;

    ClassLabels(IBackend backend, DeviceBuffer buffer, int classCount)
    {
        Backend = backend;
        this.buffer = buffer;
        ClassCount = classCount;
    }

    public IBackend Backend { get; }
    public int Count => buffer.Length;
    public int ClassCount { get; }

    /// <summary>The Int32 labels in the backend's memory, for the kernels of an operation.</summary>
    public DeviceBuffer Buffer
    {
        get
        {
            ObjectDisposedException.ThrowIf(buffer.IsDisposed, this);
            return buffer;
        }
    }

    public static ClassLabels FromArray(IBackend backend, ReadOnlySpan<int> labels, int classCount)
    {
        Guard.NotNull(backend, nameof(backend));
        Guard.Positive(classCount, nameof(classCount));
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classCount)
                Guard.InRange(labels[i], 0, classCount - 1, $"labels[{i}]");
        var buffer = backend.Allocate(ElementType.Int32, labels.Length);
        backend.Upload(labels, buffer);
        return new ClassLabels(backend, buffer, classCount);
    }

    public void Dispose() => buffer.Dispose();
}
