using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>
/// A dense row-major array of float32 (training) or float64 (gradient checks) in one backend's memory, plus
/// what reverse-mode autograd needs (see Tensor.Autograd.cs). A tensor owns its buffer and its gradient;
/// <see cref="Dispose"/> frees both, and an open <see cref="TensorScope"/> disposes the tensors made in it.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    readonly DeviceBuffer buffer;
    List<IDisposable>? attachments;
    bool disposed;

    Tensor(IBackend backend, Shape shape, DeviceBuffer buffer, bool requiresGrad)
    {
        Backend = backend;
        Shape = shape;
        this.buffer = buffer;
        RequiresGrad = requiresGrad;
    }

    public IBackend Backend { get; }
    public Shape Shape { get; }
    public ElementType ElementType => buffer.ElementType;
    public int Count => Shape.ElementCount;
    public bool IsDisposed => disposed;

    /// <summary>The scope that will dispose this tensor, if any.</summary>
    internal TensorScope? Scope { get; set; }

    /// <summary>The elements in the backend's memory, for the kernels of an operation (see Tensor.Autograd.cs).
    /// Only the operation that made a tensor writes its buffer; everyone else reads it.</summary>
    public DeviceBuffer Buffer
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return buffer;
        }
    }

    public static Tensor Zeros(IBackend backend, Shape shape, ElementType elementType = ElementType.Float32, bool requiresGrad = false)
    {
        Guard.NotNull(backend, nameof(backend));
        if (elementType == ElementType.Int32)
            throw new EoiArgumentException(nameof(elementType), $"tensor elements must be Float32 or Float64; got {elementType}");
        return Scoped(new Tensor(backend, shape, backend.Allocate(elementType, shape.ElementCount), requiresGrad));
    }

    public static Tensor Full(IBackend backend, Shape shape, double value, ElementType elementType = ElementType.Float32, bool requiresGrad = false)
    {
        var tensor = Zeros(backend, shape, elementType, requiresGrad);
        backend.Fill(tensor.buffer, value);
        return tensor;
    }

    public static Tensor FromArray(IBackend backend, Shape shape, ReadOnlySpan<float> values, bool requiresGrad = false) =>
        Upload(backend, shape, values, ElementType.Float32, requiresGrad);

    public static Tensor FromArray(IBackend backend, Shape shape, ReadOnlySpan<double> values, bool requiresGrad = false) =>
        Upload(backend, shape, values, ElementType.Float64, requiresGrad);

    static Tensor Upload<T>(IBackend backend, Shape shape, ReadOnlySpan<T> values, ElementType elementType, bool requiresGrad) where T : unmanaged
    {
        if (values.Length != shape.ElementCount)
            throw new EoiArgumentException(nameof(values), $"values must hold one element per entry of shape {shape} ({shape.ElementCount}); got {values.Length}");
        var tensor = Zeros(backend, shape, elementType, requiresGrad);
        backend.Upload(values, tensor.buffer);
        return tensor;
    }

    /// <summary>A new zero tensor of the given shape in this tensor's backend and element type, owned by the
    /// open scope. How operations make their outputs.</summary>
    public Tensor NewLike(Shape shape) => Scoped(new Tensor(Backend, shape, Backend.Allocate(ElementType, shape.ElementCount), false));

    /// <summary>A tensor no scope owns, e.g. a gradient, which its tensor owns.</summary>
    internal static Tensor Unscoped(IBackend backend, Shape shape, DeviceBuffer buffer) => new(backend, shape, buffer, false);

    static Tensor Scoped(Tensor tensor)
    {
        TensorScope.Adopt(tensor);
        return tensor;
    }

    /// <summary>The elements in row-major order; T is float for Float32 tensors and double for Float64 ones.</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var values = new T[Count];
        Backend.Download(Buffer, values.AsSpan());
        return values;
    }

    /// <summary>The value of a one-element tensor, widened to double.</summary>
    public double Item()
    {
        if (Count != 1)
            throw new EoiArgumentException(nameof(Shape), $"Item() needs a one-element tensor; got shape {Shape}");
        return ElementType == ElementType.Float32 ? ToArray<float>()[0] : ToArray<double>()[0];
    }

    /// <summary>Frees <paramref name="resource"/> when this tensor is disposed: state an operation's backward
    /// needs besides its inputs and output, such as saved statistics or arg-max indices.</summary>
    public void Attach(IDisposable resource)
    {
        Guard.NotNull(resource, nameof(resource));
        ObjectDisposedException.ThrowIf(disposed, this);
        (attachments ??= []).Add(resource);
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        buffer.Dispose();
        ClearGrad();
        if (attachments is null) return;
        foreach (var resource in attachments) resource.Dispose();
        attachments = null;
    }

    public override string ToString() => $"Tensor {ElementType} {Shape} on {Backend.Name}{(RequiresGrad ? ", requires grad" : "")}";
}
