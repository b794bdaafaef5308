using Eoi.Backends.Cuda.Memory;
using Eoi.Backends.Cuda.Sparse;
using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda;

// Operand checks. They run before anything is queued: on the device an overrun would not fault, it would
// quietly corrupt a neighbouring buffer. The messages are BufferGuard's, shared with the CPU backend.
public sealed partial class CudaBackend
{
    /// <summary>The buffer as this backend's, after checking that it holds exactly <paramref name="length"/>
    /// elements, is not disposed, and was allocated here.</summary>
    CudaBuffer Operand(DeviceBuffer buffer, int length, string name)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        BufferGuard.Length(buffer, length, name);
        if (buffer is CudaBuffer cuda && ReferenceEquals(cuda.Owner, this)) return cuda;
        throw new EoiArgumentException(name, buffer is CudaBuffer
            ? $"{name} must be allocated by this cuda backend; got a buffer of another cuda backend"
            : $"{name} must be allocated by the cuda backend; got {buffer} from {buffer.GetType().Name}");
    }

    DevicePointer Pointer(DeviceBuffer buffer, int length, string name) => Operand(buffer, length, name).Pointer;

    /// <summary>The element type shared by floating-point operands; throws if they disagree or hold Int32.</summary>
    static ElementType Floating(DeviceBuffer first, params ReadOnlySpan<DeviceBuffer> others) =>
        BufferGuard.FloatingType(first, others);

    DevicePointer Indices(DeviceBuffer indices, int length, string name)
    {
        BufferGuard.Type(indices, ElementType.Int32, name);
        return Pointer(indices, length, name);
    }

    /// <summary>rows * cols as a buffer length, both non-negative and the product within int.</summary>
    static int Product(int rows, int cols)
    {
        Guard.InRange(rows, 0, int.MaxValue, nameof(rows));
        Guard.InRange(cols, 0, int.MaxValue, nameof(cols));
        long n = (long)rows * cols;
        if (n > Array.MaxLength)
            throw new EoiArgumentException(nameof(rows), $"rows * cols must be at most {Array.MaxLength}; got {rows} * {cols} = {n}");
        return (int)n;
    }

    static int Length(ChannelLayout layout) => Product(Product(layout.Outer, layout.Channels), layout.Inner);

    /// <summary>The pattern with <paramref name="values"/> as cuSPARSE takes it, after the buffer checks.</summary>
    CsrOperand Csr(DeviceCsrPattern pattern, DeviceBuffer values, string valuesName)
    {
        Guard.NotNull(pattern, nameof(pattern));
        Guard.InRange(pattern.Rows, 0, int.MaxValue - 1, nameof(pattern.Rows));
        Guard.InRange(pattern.Cols, 0, int.MaxValue, nameof(pattern.Cols));
        var offsets = Indices(pattern.RowOffsets, pattern.Rows + 1, nameof(pattern.RowOffsets));
        var columns = Indices(pattern.ColumnIndices, pattern.NonZeros, nameof(pattern.ColumnIndices));
        return new CsrOperand(pattern.Rows, pattern.Cols, pattern.NonZeros, offsets, columns, Pointer(values, pattern.NonZeros, valuesName));
    }

    /// <summary>The pattern's plan; its structure is read back and checked on first use only.</summary>
    PatternPlan Plan(DeviceCsrPattern pattern) => sparsePlans.For(pattern, CheckStructure);

    void CheckStructure(DeviceCsrPattern pattern)
    {
        var offsets = new int[pattern.Rows + 1];
        var columns = new int[pattern.NonZeros];
        Download<int>(pattern.RowOffsets, offsets);
        Download<int>(pattern.ColumnIndices, columns);
        CsrStructure.Validate(pattern.Rows, pattern.Cols, offsets, columns);
    }
}
