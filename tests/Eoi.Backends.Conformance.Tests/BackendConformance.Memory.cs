using Eoi.Core;

namespace Eoi.Backends.Conformance.Tests;

// Allocation, transfers, copies, fills, slices, gather, transpose, and the operand checks every op shares.
public abstract partial class BackendConformance
{
    [Theory, MemberData(nameof(AllTypes))]
    public void Allocate_gives_zeros(ElementType type)
    {
        var buffer = Zeros(type, 37);
        Assert.Equal(type, buffer.ElementType);
        Assert.All(Numbers(buffer), v => Assert.Equal(0.0, v));
        Assert.Equal(0, Zeros(type, 0).Length);
    }

    [Theory, MemberData(nameof(AllTypes))]
    public void Upload_and_Download_round_trip_every_bit(ElementType type)
    {
        var buffer = Zeros(type, 5);
        switch (type)
        {
            case ElementType.Float32:
                float[] floats = [1.5f, -0f, float.NaN, float.Epsilon, float.MaxValue];
                Backend.Upload<float>(floats, buffer);
                var floatsBack = new float[5];
                Backend.Download<float>(buffer, floatsBack);
                Assert.Equal(floats.Select(BitConverter.SingleToUInt32Bits), floatsBack.Select(BitConverter.SingleToUInt32Bits));
                break;
            case ElementType.Float64:
                double[] doubles = [1.5, -0.0, double.NaN, double.Epsilon, double.MaxValue];
                Backend.Upload<double>(doubles, buffer);
                var doublesBack = new double[5];
                Backend.Download<double>(buffer, doublesBack);
                Assert.Equal(doubles.Select(BitConverter.DoubleToUInt64Bits), doublesBack.Select(BitConverter.DoubleToUInt64Bits));
                break;
            default:
                int[] ints = [0, -1, int.MinValue, int.MaxValue, 42];
                Backend.Upload<int>(ints, buffer);
                Assert.Equal(ints, ReadInts(buffer));
                break;
        }
    }

    [Fact]
    public void Transfers_check_the_host_type_and_length()
    {
        var buffer = Zeros(ElementType.Float32, 4);
        Assert.Throws<EoiArgumentException>(() => Backend.Upload<double>(new double[4], buffer));
        Assert.Throws<EoiArgumentException>(() => Backend.Upload<float>(new float[3], buffer));
        Assert.Throws<EoiArgumentException>(() => Backend.Download<float>(buffer, new float[5]));
    }

    [Theory, MemberData(nameof(AllTypes))]
    public void Copy_copies_every_element(ElementType type)
    {
        var source = type == ElementType.Int32 ? UploadInts([3, -7, 11, 0, 5]) : Upload(type, Inputs.Uniform(1, 5)).Buffer;
        var destination = Zeros(type, 5);
        Backend.Copy(source, destination);
        Assert.Equal(Numbers(source), Numbers(destination));
    }

    [Theory, MemberData(nameof(AllTypes))]
    public void Fill_sets_every_element_to_the_rounded_value(ElementType type)
    {
        var buffer = Zeros(type, 9);
        double value = type == ElementType.Int32 ? -12 : 0.1;
        Backend.Fill(buffer, value);
        Assert.All(Numbers(buffer), v => Assert.Equal(Inputs.Round(type, value), v));
    }

    [Fact]
    public void Fill_of_an_int_buffer_rejects_a_fraction()
    {
        var buffer = Zeros(ElementType.Int32, 3);
        Assert.Throws<EoiArgumentException>(() => Backend.Fill(buffer, 0.5));
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void A_slice_is_a_window_onto_its_parent(ElementType type)
    {
        var parent = Upload(type, Inputs.Uniform(2, 10));
        var slice = parent.Buffer.Slice(3, 4);
        Backend.Scale(2, slice, slice);
        var expected = parent.Values.Select((v, i) => i is >= 3 and < 7 ? 2 * v : v).ToArray();
        Expected.Exact(expected).Check(Read(parent.Buffer), "parent after scaling the slice");

        slice.Dispose();
        Assert.False(parent.Buffer.IsDisposed);
        var other = parent.Buffer.Slice(0, 2);
        parent.Buffer.Dispose();
        Assert.True(other.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => Backend.Scale(2, other, other));
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void Gather_picks_the_indexed_elements(ElementType type)
    {
        var source = Upload(type, Inputs.Uniform(3, 8));
        int[] indices = [7, 0, 3, 3, 5];
        var destination = Zeros(type, indices.Length);
        Backend.Gather(source.Buffer, UploadInts(indices), destination);
        Expected.Exact([.. indices.Select(i => source.Values[i])]).Check(Read(destination), "gathered");
    }

    [Theory, MemberData(nameof(FloatTypes))]
    public void Gather_rejects_an_index_out_of_range(ElementType type)
    {
        var source = Upload(type, Inputs.Uniform(3, 8));
        var indices = UploadInts([1, 8]);
        var destination = Zeros(type, 2);
        var error = Assert.Throws<EoiArgumentException>(() =>
        {
            Backend.Gather(source.Buffer, indices, destination);
            Read(destination);
        });
        Assert.Contains("[0, 7]", error.Message);
        Assert.Contains("got 8", error.Message);
        Read(destination); // reported once: the backend is usable afterwards
    }

    public static TheoryData<ElementType, int, int> TransposeShapes() => new()
    {
        { ElementType.Float32, 1, 1 }, { ElementType.Float32, 3, 5 }, { ElementType.Float32, 37, 45 }, { ElementType.Float32, 64, 33 },
        { ElementType.Float64, 1, 7 }, { ElementType.Float64, 33, 32 }, { ElementType.Float64, 40, 70 },
    };

    [Theory, MemberData(nameof(TransposeShapes))]
    public void Transpose_matches_the_reference(ElementType type, int rows, int cols)
    {
        var x = Upload(type, Inputs.Uniform(rows * 100 + cols, rows * cols));
        var y = Zeros(type, rows * cols);
        Backend.Transpose(rows, cols, x.Buffer, y);
        Expected.Exact(LayerReference.Transpose(rows, cols, x.Values)).Check(Read(y), "transpose");
    }

    [Fact]
    public void Operands_are_checked_for_owner_length_and_type()
    {
        var x = Zeros(ElementType.Float32, 4);
        using var foreign = new ForeignBuffer(4);
        Assert.Throws<EoiArgumentException>(() => Backend.Scale(1, foreign, x));
        Assert.Throws<EoiArgumentException>(() => Backend.Scale(1, x, Zeros(ElementType.Float32, 5)));
        Assert.Throws<EoiArgumentException>(() => Backend.Binary(BinaryOp.Add, x, x, Zeros(ElementType.Float64, 4)));
        Assert.Throws<EoiArgumentException>(() => Backend.Scale(1, Zeros(ElementType.Int32, 4), Zeros(ElementType.Int32, 4)));
        Assert.Throws<EoiArgumentException>(() => Backend.Gather(x, Zeros(ElementType.Float32, 2), Zeros(ElementType.Float32, 2)));
    }

    /// <summary>All elements as doubles, whatever the type.</summary>
    double[] Numbers(DeviceBuffer buffer) =>
        buffer.ElementType == ElementType.Int32 ? [.. ReadInts(buffer).Select(v => (double)v)] : Read(buffer);

    /// <summary>A buffer no backend allocated.</summary>
    sealed class ForeignBuffer(int length) : DeviceBuffer(ElementType.Float32, length)
    {
        public override bool IsDisposed => false;
        protected override DeviceBuffer CreateSlice(int offset, int length) => new ForeignBuffer(length);
        public override void Dispose() { }
    }
}
