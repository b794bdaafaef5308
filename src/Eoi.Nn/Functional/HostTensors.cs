using Eoi.Autograd;
using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Nn.Functional;

/// <summary>Moves values between host float64 arrays and tensors of either element type. float64 is the
/// host currency because initialisers produce it; uploading to a Float32 tensor rounds to nearest.</summary>
public static class HostTensors
{
    public static Tensor Upload(IBackend backend, ElementType type, Shape shape, ReadOnlySpan<double> values, bool requiresGrad = false) =>
        type switch
        {
            ElementType.Float32 => Tensor.FromArray(backend, shape, ToSingle(values), requiresGrad),
            ElementType.Float64 => Tensor.FromArray(backend, shape, values, requiresGrad),
            _ => throw new EoiArgumentException(nameof(type), $"type must be Float32 or Float64; got {type}"),
        };

    /// <summary>A tensor of <paramref name="like"/>'s backend and element type.</summary>
    public static Tensor Constant(Tensor like, Shape shape, ReadOnlySpan<double> values) =>
        Upload(like.Backend, like.ElementType, shape, values);

    public static Tensor Full(Tensor like, Shape shape, double value) =>
        Tensor.Full(like.Backend, shape, value, like.ElementType);

    public static double[] Read(Tensor tensor) =>
        tensor.ElementType == ElementType.Float32
            ? Array.ConvertAll(tensor.ToArray<float>(), v => (double)v)
            : tensor.ToArray<double>();

    /// <summary>The file type that holds a tensor's values exactly.</summary>
    public static ElementType ElementTypeOf(ElementType type) => type == ElementType.Float32 ? ElementType.Float32 : ElementType.Float64;

    static float[] ToSingle(ReadOnlySpan<double> values)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = (float)values[i];
        return result;
    }
}
