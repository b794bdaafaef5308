using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Functional;

namespace Eoi.Nn.Modules;

/// <summary>
/// A dense trainable tensor of a module, with an optional fixed 0/1 mask. <see cref="Assign(ReadOnlySpan{double})"/> replaces the
/// tensor with a new leaf rather than writing into it (tensors are written only by operations and
/// optimisers), so an optimiser must be built after the values are set. Create modules outside any open
/// <see cref="TensorScope"/>: a scope would dispose the parameter tensors with its activations.
/// </summary>
public sealed class Parameter : IDisposable
{
    public Parameter(IBackend backend, ElementType elementType, Shape shape)
    {
        Guard.NotNull(backend, nameof(backend));
        Backend = backend;
        ElementType = elementType;
        Shape = shape;
        Value = Tensor.Zeros(backend, shape, elementType, requiresGrad: true);
    }

    public IBackend Backend { get; }
    public ElementType ElementType { get; }
    public Shape Shape { get; }
    public Tensor Value { get; private set; }
    public Tensor? Mask { get; private set; }

    /// <summary>Sets the values under the current mask (none: all kept).</summary>
    public void Assign(ReadOnlySpan<double> values) => Assign(values, ReadMask());

    /// <summary>Sets the values and the fixed mask; values off the mask are stored as exact zeros. An all-ones
    /// mask is dropped, so dense layers pay nothing for it.</summary>
    public void Assign(ReadOnlySpan<double> values, ReadOnlySpan<double> mask)
    {
        CheckLength(values.Length, nameof(values));
        CheckLength(mask.Length, nameof(mask));
        var masked = values.ToArray();
        for (int i = 0; i < masked.Length; i++)
        {
            if (mask[i] is not (0.0 or 1.0))
                throw new EoiArgumentException(nameof(mask), $"mask entries must be 0 or 1; got {mask[i]} at index {i}");
            if (mask[i] == 0) masked[i] = 0;
        }
        var value = HostTensors.Upload(Backend, ElementType, Shape, masked, requiresGrad: true);
        var newMask = mask.ContainsAnyExcept(1.0) ? HostTensors.Upload(Backend, ElementType, Shape, mask) : null;
        Value.Dispose();
        Mask?.Dispose();
        Value = value;
        Mask = newMask;
    }

    public double[] Read() => HostTensors.Read(Value);

    /// <summary>The mask as 0/1 values; all ones when the parameter has none.</summary>
    public double[] ReadMask() => Mask is null ? Enumerable.Repeat(1.0, Shape.ElementCount).ToArray() : HostTensors.Read(Mask);

    /// <summary>dLoss/dValue from the last backward with the masked entries zeroed (those never train); null
    /// before any backward.</summary>
    public double[]? ReadGradient()
    {
        if (Value.Grad is not { } grad) return null;
        var values = HostTensors.Read(grad);
        if (Mask is not null)
        {
            var mask = HostTensors.Read(Mask);
            for (int i = 0; i < values.Length; i++)
                if (mask[i] == 0) values[i] = 0;
        }
        return values;
    }

    public TrainableParameter ToTrainable() => new(Value, Mask);

    void CheckLength(int length, string name)
    {
        if (length != Shape.ElementCount)
            throw new EoiArgumentException(name, $"{name} must hold {Shape.ElementCount} entries for shape {Shape}; got {length}");
    }

    public void Dispose()
    {
        Value.Dispose();
        Mask?.Dispose();
    }
}
