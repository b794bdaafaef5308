using Eoi.Core;

namespace Eoi.Backends.Cpu;

/// <summary>Operand checks and span access shared by the <see cref="CpuBackend"/> methods.</summary>
static class CpuOperands
{
    /// <summary>The buffer's elements, after checking it is a cpu buffer of T holding exactly <paramref name="length"/>.</summary>
    public static Span<T> View<T>(DeviceBuffer buffer, int length, string name) where T : unmanaged
    {
        BufferGuard.Length(buffer, length, name);
        if (buffer is CpuBuffer<T> cpu) return cpu.Span;
        bool fromCpu = buffer.GetType().IsGenericType && buffer.GetType().GetGenericTypeDefinition() == typeof(CpuBuffer<>);
        throw new EoiArgumentException(name, fromCpu
            ? $"{name} must hold {typeof(T).Name} elements here; got {buffer}"
            : $"{name} must be allocated by the cpu backend; got {buffer} from {buffer.GetType().Name}");
    }

    /// <summary>True for float32 operands, false for float64; throws if they disagree or hold Int32.</summary>
    public static bool IsSingle(DeviceBuffer first, params ReadOnlySpan<DeviceBuffer> others) =>
        BufferGuard.FloatingType(first, others) == ElementType.Float32;

    /// <summary>rows * cols as a buffer length, both non-negative and the product within int.</summary>
    public static int Product(int rows, int cols)
    {
        Guard.InRange(rows, 0, int.MaxValue, nameof(rows));
        Guard.InRange(cols, 0, int.MaxValue, nameof(cols));
        long n = (long)rows * cols;
        if (n > Array.MaxLength)
            throw new EoiArgumentException(nameof(rows), $"rows * cols must be at most {Array.MaxLength}; got {rows} * {cols} = {n}");
        return (int)n;
    }

    public static (int Outer, int Channels, int Inner) Checked(ChannelLayout layout)
    {
        Product(Product(layout.Outer, layout.Channels), layout.Inner);
        return (layout.Outer, layout.Channels, layout.Inner);
    }

    public static CsrSpans Structure(DeviceCsrPattern pattern)
    {
        Guard.InRange(pattern.Rows, 0, int.MaxValue, nameof(pattern.Rows));
        Guard.InRange(pattern.Cols, 0, int.MaxValue, nameof(pattern.Cols));
        BufferGuard.Type(pattern.RowOffsets, ElementType.Int32, nameof(pattern.RowOffsets));
        BufferGuard.Type(pattern.ColumnIndices, ElementType.Int32, nameof(pattern.ColumnIndices));
        return new(View<int>(pattern.RowOffsets, pattern.Rows + 1, nameof(pattern.RowOffsets)),
                   View<int>(pattern.ColumnIndices, pattern.NonZeros, nameof(pattern.ColumnIndices)));
    }

    public static ReadOnlySpan<int> Labels(DeviceBuffer targets, int rows)
    {
        BufferGuard.Type(targets, ElementType.Int32, nameof(targets));
        return View<int>(targets, rows, nameof(targets));
    }
}

/// <summary>A CSR structure's index arrays as host spans.</summary>
readonly ref struct CsrSpans(ReadOnlySpan<int> rowOffsets, ReadOnlySpan<int> columnIndices)
{
    public ReadOnlySpan<int> RowOffsets { get; } = rowOffsets;
    public ReadOnlySpan<int> ColumnIndices { get; } = columnIndices;
}
