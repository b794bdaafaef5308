using Eoi.Core;

namespace Eoi.Backends.Cuda.Memory;

/// <summary>Bytes per element, and the element type a host type T stands for in Upload and Download.</summary>
static class ElementSizes
{
    public static int Of(ElementType type) => type switch
    {
        ElementType.Float32 or ElementType.Int32 => 4,
        ElementType.Float64 => 8,
        _ => throw new EoiArgumentException(nameof(type), $"elementType must be Float32, Float64 or Int32; got {type}"),
    };

    public static ElementType TypeOf<T>(string name) where T : unmanaged =>
        typeof(T) == typeof(float) ? ElementType.Float32
        : typeof(T) == typeof(double) ? ElementType.Float64
        : typeof(T) == typeof(int) ? ElementType.Int32
        : throw new EoiArgumentException(name, $"host elements must be float, double or int; got {typeof(T).Name}");
}
