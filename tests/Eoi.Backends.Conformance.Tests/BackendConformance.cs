using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

/// <summary>
/// Every <see cref="IBackend"/> operation against a scalar float64 reference (Reference/), on small seeded
/// inputs, in both floating-point types, within the bounds of <see cref="Tolerances"/>. A backend joins by
/// deriving a class that says how to get it; the tests are inherited. Bad indices may be reported at the call
/// (CPU) or at the next download (CUDA, whose kernels cannot throw): the error tests download to cover both.
/// </summary>
public abstract partial class BackendConformance : IDisposable
{
    readonly List<DeviceBuffer> buffers = [];

    /// <summary>The backend under test; skips the test, with the reason, where it is unavailable.</summary>
    protected abstract IBackend Backend { get; }

    public static TheoryData<ElementType> FloatTypes => [ElementType.Float32, ElementType.Float64];

    public static TheoryData<ElementType> AllTypes => [ElementType.Float32, ElementType.Float64, ElementType.Int32];

    /// <summary>A buffer holding <paramref name="values"/> rounded to <paramref name="type"/>, and those
    /// rounded values for the reference.</summary>
    protected DeviceData Upload(ElementType type, double[] values)
    {
        var buffer = Track(Backend.Allocate(type, values.Length));
        var held = Inputs.Round(type, values);
        if (type == ElementType.Float32) Backend.Upload<float>([.. held.Select(v => (float)v)], buffer);
        else Backend.Upload<double>(held, buffer);
        return new DeviceData(buffer, held);
    }

    protected DeviceBuffer UploadInts(int[] values)
    {
        var buffer = Track(Backend.Allocate(ElementType.Int32, values.Length));
        Backend.Upload<int>(values, buffer);
        return buffer;
    }

    protected DeviceBuffer Zeros(ElementType type, int length) => Track(Backend.Allocate(type, length));

    /// <summary>The buffer's floating-point elements, widened to double.</summary>
    protected double[] Read(DeviceBuffer buffer)
    {
        if (buffer.ElementType == ElementType.Float32)
        {
            var values = new float[buffer.Length];
            Backend.Download<float>(buffer, values);
            return [.. values.Select(v => (double)v)];
        }
        var doubles = new double[buffer.Length];
        Backend.Download<double>(buffer, doubles);
        return doubles;
    }

    protected int[] ReadInts(DeviceBuffer buffer)
    {
        var values = new int[buffer.Length];
        Backend.Download<int>(buffer, values);
        return values;
    }

    protected DeviceCsrPattern Upload(SparsityPattern pattern) => Structure(pattern.Rows, pattern.Cols, pattern.RowOffsets.ToArray(), pattern.ColumnIndices.ToArray());

    /// <summary>A structure straight from arrays, bypassing SparsityPattern's checks, to test the backend's.</summary>
    protected DeviceCsrPattern Structure(int rows, int cols, int[] rowOffsets, int[] columnIndices) =>
        new(rows, cols, UploadInts(rowOffsets), UploadInts(columnIndices));

    protected DeviceBuffer Track(DeviceBuffer buffer)
    {
        buffers.Add(buffer);
        return buffer;
    }

    public void Dispose()
    {
        foreach (var buffer in buffers) buffer.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A device buffer and the values it holds, as the reference should see them.</summary>
public sealed record DeviceData(DeviceBuffer Buffer, double[] Values);
