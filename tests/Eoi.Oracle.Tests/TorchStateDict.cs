using System.Buffers.Binary;
using System.Text;
using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Oracle.Tests;

/// <summary>
/// A safetensors file laid out as <c>safetensors.torch.save_file(model.state_dict(), path)</c> writes it for a
/// small CNN: tensors named by module path, sorted by name, float32 weights, float32 biases and BatchNorm
/// statistics, an int64 scalar <c>num_batches_tracked</c>, a float64 layer, no metadata. Written byte by byte
/// here, since this project's writer emits only the dtypes it reads back.
/// </summary>
static class TorchStateDict
{
    public const string BadLayer = "classifier.2.weight";

    public static void Write(string path)
    {
        var kernel = DeltaOrthogonal.Generate(new KernelShape(16, 3, 3, 3), 0.5, RngKey.FromSeed(1)).Values;
        // A layer made as a float32 implementation makes it: every rotation in float32.
        var hidden = SparseOrthogonal.Materialize(SparseOrthogonal.Plan(32, 64, 0.25, RngKey.FromSeed(2)), 1.0, Accumulation.Float32).ToDenseFloat32();
        var wide = SparseOrthogonal.Generate(64, 16 * 4, 0.3, RngKey.FromSeed(3)).ToDense();
        var bad = SparseOrthogonal.Generate(10, 32, 0.3, RngKey.FromSeed(4)).ToDenseFloat32();
        int first = bad.IndexOf(v => v != 0);
        bad = bad.With(first, (float)(bad.Data[first] + 1e-3));

        var tensors = new List<(string Name, string ElementType, int[] Shape, byte[] Bytes)>
        {
            ("features.0.weight", "F32", [.. kernel.Shape], Float32(kernel.Data.ToArray())),
            ("features.0.bias", "F32", [16], Float32(new double[16])),
            ("features.1.weight", "F32", [16], Float32(Enumerable.Repeat(1.0, 16).ToArray())),
            ("features.1.bias", "F32", [16], Float32(new double[16])),
            ("features.1.running_mean", "F32", [16], Float32(new double[16])),
            ("features.1.running_var", "F32", [16], Float32(Enumerable.Repeat(1.0, 16).ToArray())),
            ("features.1.num_batches_tracked", "I64", [], BitConverter.GetBytes(0L)),
            ("classifier.0.weight", "F64", [.. wide.Shape], Float64(wide.Data.ToArray())),
            ("classifier.0.bias", "F64", [64], Float64(new double[64])),
            ("classifier.1.weight", "F32", [.. hidden.Shape], Float32(hidden.Data.ToArray())),
            (BadLayer, "F32", [.. bad.Shape], Float32(bad.Data.ToArray())),
            ("classifier.2.bias", "F16", [10], new byte[20]),
        };
        tensors.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var header = new StringBuilder("{");
        long offset = 0;
        foreach (var t in tensors)
        {
            header.Append($"\"{t.Name}\":{{\"dtype\":\"{t.ElementType}\",\"shape\":[{string.Join(",", t.Shape)}],\"data_offsets\":[{offset},{offset + t.Bytes.Length}]}},");
            offset += t.Bytes.Length;
        }
        header[^1] = '}';
        while (header.Length % 8 != 0) header.Append(' ');
        using var stream = File.Create(path);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(Encoding.UTF8.GetBytes(header.ToString()));
        foreach (var t in tensors)
            stream.Write(t.Bytes);
    }

    static byte[] Float32(double[] values) => values.SelectMany(v => BitConverter.GetBytes((float)v)).ToArray();

    static byte[] Float64(double[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();
}
