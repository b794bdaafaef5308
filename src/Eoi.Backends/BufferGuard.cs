using Eoi.Core;

namespace Eoi.Backends;

/// <summary>The checks every backend makes on its operands, so that all of them fail with the same message.</summary>
public static class BufferGuard
{
    public static void Length(DeviceBuffer buffer, int expected, string name)
    {
        Guard.NotNull(buffer, name);
        ObjectDisposedException.ThrowIf(buffer.IsDisposed, buffer);
        if (buffer.Length != expected)
            throw new EoiArgumentException(name, $"{name} must hold exactly {expected} elements; got {buffer.Length}");
    }

    public static void Type(DeviceBuffer buffer, ElementType expected, string name)
    {
        if (buffer.ElementType != expected)
            throw new EoiArgumentException(name, $"{name} must hold {expected} elements; got {buffer.ElementType}");
    }

    /// <summary>The floating-point type shared by <paramref name="first"/> and all <paramref name="others"/>.</summary>
    public static ElementType FloatingType(DeviceBuffer first, params ReadOnlySpan<DeviceBuffer> others)
    {
        if (first.ElementType == ElementType.Int32)
            throw new EoiArgumentException(nameof(first), $"operand must hold Float32 or Float64 elements; got {first.ElementType}");
        foreach (var other in others)
            if (other.ElementType != first.ElementType)
                throw new EoiArgumentException(nameof(others),
                    $"all floating-point operands must share one element type; got {first.ElementType} and {other.ElementType}");
        return first.ElementType;
    }
}
