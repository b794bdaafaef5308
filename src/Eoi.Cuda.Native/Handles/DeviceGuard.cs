using Eoi.Core;

namespace Eoi.Cuda.Native;

/// <summary>Bounds checks before device memory is touched: the GPU would not fault on an overrun, it would
/// quietly corrupt a neighbouring allocation. Messages follow the project's shape: name, range, value.</summary>
static class DeviceGuard
{
    public static void Positive(long value, string name)
    {
        if (value <= 0) throw new EoiArgumentException(name, $"{name} must be > 0; got {value}");
    }

    public static void NonNegative(long value, string name)
    {
        if (value < 0) throw new EoiArgumentException(name, $"{name} must be >= 0; got {value}");
    }

    /// <summary>[offset, offset + count) must lie inside a buffer of <paramref name="length"/> bytes.</summary>
    public static void ByteRange(long offset, long count, long length, string name)
    {
        if (offset < 0 || count < 0 || offset > length - count)
            throw new EoiArgumentException(name,
                $"{name} must lie within the buffer's {length} bytes; got offset {offset}, {count} bytes");
    }

    /// <summary>Bytes a strided matrix spans: <paramref name="lines"/> rows (row-major) or columns
    /// (column-major) of <paramref name="lineLength"/> elements, <paramref name="leadingDimension"/> apart.</summary>
    public static long MatrixBytes(long lines, long lineLength, long leadingDimension, int elementSize, string name)
    {
        if (leadingDimension < Math.Max(1, lineLength))
            throw new EoiArgumentException(name, $"{name}'s leading dimension must be >= {Math.Max(1, lineLength)}; got {leadingDimension}");
        return lines == 0 || lineLength == 0 ? 0 : ((lines - 1) * leadingDimension + lineLength) * elementSize;
    }

    /// <summary>A buffer must hold at least the bytes an operation will read or write.</summary>
    public static void Holds(DeviceAllocation buffer, long bytes, string name)
    {
        if (buffer.ByteLength < bytes)
            throw new EoiArgumentException(name, $"{name} must hold at least {bytes} bytes; it has {buffer.ByteLength}");
    }
}
