using System.Buffers.Binary;
using Eoi.Core;

namespace Eoi.IO;

/// <summary>
/// safetensors files: an 8-byte little-endian header length N, N bytes of UTF-8 JSON describing each tensor
/// (dtype F64, F32, BOOL or U8; shape; byte range in the buffer) plus optional string metadata, then the
/// data buffer. Written with tensors sorted by name (ordinal) in both header and buffer, so equal input
/// gives identical bytes.
/// </summary>
public static class SafetensorsFile
{
    /// <summary>The reference implementation's cap; a larger length is a corrupt file, not a real header.</summary>
    const long MaxHeaderLength = 100_000_000;

    /// <summary>Every tensor of a safetensors file, in header order, and its metadata; the header and the layout of
    /// the buffer are checked strictly.</summary>
    public static SafetensorsContent Read(string path)
    {
        var (tensors, metadata) = ReadTensors(path, allowOtherDTypes: false);
        var arrays = new OrderedDictionary<string, NdArray>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
            arrays.Add(tensor.Name, tensor.Values!);
        return new SafetensorsContent(arrays, metadata);
    }

    /// <summary>Every tensor of a model file in header order, those of dtypes this reader does not decode
    /// (I64, F16, ...) listed with their shape and no values.</summary>
    public static IReadOnlyList<StoredTensor> ReadModel(string path) => ReadTensors(path, allowOtherDTypes: true).Tensors;

    static (List<StoredTensor> Tensors, IReadOnlyDictionary<string, string> Metadata) ReadTensors(string path, bool allowOtherDTypes)
    {
        using var file = InputFile.Open(path);
        if (file.Length < 8)
            throw file.Error($"too short to be a safetensors file ({file.Length} bytes; the header length field alone is 8)");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(file.ReadExactly(8, "header length"));
        if (headerLength > (ulong)file.Remaining)
            throw file.Error($"header length {headerLength} exceeds the {file.Remaining} bytes left in the file");
        if (headerLength > MaxHeaderLength)
            throw file.Error($"header length {headerLength} is implausibly large (at most {MaxHeaderLength} bytes are accepted)");
        byte[] json = file.ReadExactly((int)headerLength, "header");
        // System.Text.Json only checks string bytes when a string is read, so check the encoding up front.
        if (!System.Text.Unicode.Utf8.IsValid(json))
            throw file.Error("safetensors header is not valid UTF-8");
        long bufferLength = file.Remaining;
        var (entries, metadata) = SafetensorsHeader.Parse(file, json, bufferLength, allowOtherDTypes);

        // The layout check guarantees the tensors tile the buffer, so reading them in buffer order is one
        // sequential pass; the bytes of a dtype that is not decoded are skipped.
        long bufferStart = file.Stream.Position;
        var arrays = new Dictionary<string, NdArray?>(StringComparer.Ordinal);
        foreach (var entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.Encoding is not ElementEncoding encoding)
            {
                file.Stream.Position = bufferStart + entry.End;
                arrays[entry.Name] = null;
                continue;
            }
            var values = ElementCodec.Read(file, encoding, entry.Count, $"tensor '{entry.Name}' ({entry.DTypeName})");
            arrays[entry.Name] = new NdArray(entry.Shape, ElementCodec.ElementTypeOf(encoding), values);
        }
        return (entries.Select(e => new StoredTensor(e.Name, e.DTypeName, e.Shape, arrays[e.Name])).ToList(), metadata);
    }

    /// <summary>Writes <paramref name="tensors"/> (and optional string <paramref name="metadata"/>) as one safetensors
    /// file, whole or not at all.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, NdArray> tensors,
                             IReadOnlyDictionary<string, string>? metadata = null)
    {
        Guard.NotNull(tensors, nameof(tensors));
        var entries = new List<SafetensorsEntry>();
        long offset = 0;
        foreach (string name in tensors.Keys.Order(StringComparer.Ordinal))
        {
            if (name.Length == 0 || name == SafetensorsHeader.MetadataKey)
                throw new EoiArgumentException(nameof(tensors),
                    $"tensor names must be non-empty and not '{SafetensorsHeader.MetadataKey}'; got '{name}'");
            var array = tensors[name] ?? throw new EoiArgumentException(nameof(tensors), $"tensor '{name}' is null");
            var encoding = ElementCodec.ForWriting(array.ElementType);
            long bytes = array.Count * ElementCodec.Size(encoding);
            entries.Add(new SafetensorsEntry(name, SafetensorsHeader.DTypeName(array.ElementType), encoding, [.. array.Shape], array.Count, offset, offset + bytes));
            offset += bytes;
        }
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
            if (value is null)
                throw new EoiArgumentException(nameof(metadata), $"metadata values must be strings; '{key}' is null");
        byte[] header = SafetensorsHeader.Format(entries, metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            foreach (var entry in entries)
                ElementCodec.Write(stream, tensors[entry.Name]);
        });
    }
}
