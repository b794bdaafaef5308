using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Eoi.Core;

namespace Eoi.IO;

/// <summary>
/// The JSON header of a safetensors file: parsing with strict checks of every entry and of the buffer
/// layout (tensors may neither overlap nor leave bytes unclaimed), and deterministic formatting.
/// </summary>
static class SafetensorsHeader
{
    public const string MetadataKey = "__metadata__";

    static readonly (string Name, ElementEncoding Encoding)[] ElementTypes =
    [
        ("F64", ElementEncoding.Float64Little),
        ("F32", ElementEncoding.Float32Little),
        ("BOOL", ElementEncoding.Byte01),
        ("U8", ElementEncoding.Byte01),
    ];

    /// <summary>dtypes of the format this reader does not decode, with their element sizes, so that a model
    /// file holding them (PyTorch's int64 BatchNorm counters, float16 weights) can be listed and skipped.</summary>
    static readonly (string Name, int Size)[] OtherDTypes =
    [
        ("F16", 2), ("BF16", 2), ("F8_E4M3", 1), ("F8_E5M2", 1), ("I8", 1), ("I16", 2), ("I32", 4), ("I64", 8),
        ("U16", 2), ("U32", 4), ("U64", 8),
    ];

    static readonly string[] EntryKeys = ["dtype", "shape", "data_offsets"];

    public static string DTypeName(ElementType dtype) => dtype switch { ElementType.Float32 => "F32", ElementType.Float64 => "F64", _ => "BOOL" };

    /// <summary>The tensors in header order and the metadata, after checking them against the
    /// <paramref name="bufferLength"/> bytes that follow the header.</summary>
    public static (List<SafetensorsEntry> Entries, IReadOnlyDictionary<string, string> Metadata) Parse(
        InputFile file, byte[] json, long bufferLength, bool allowOtherDTypes = false)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw file.Error($"safetensors header is not valid JSON: {ex.Message}");
        }
        var entries = new List<SafetensorsEntry>();
        var metadata = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw file.Error($"safetensors header must be a JSON object; got {root.ValueKind}");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw file.Error($"safetensors header lists '{property.Name}' twice");
                if (property.Name == MetadataKey)
                    ParseMetadata(file, property.Value, metadata);
                else
                    entries.Add(ParseEntry(file, property.Name, property.Value, bufferLength, allowOtherDTypes));
            }
        }
        CheckLayout(file, entries, bufferLength);
        return (entries, metadata);
    }

    /// <summary>UTF-8 JSON with "__metadata__" first and its keys in ordinal order, then the entries in the
    /// order given, padded with spaces to a multiple of 8 bytes so the data buffer starts 8-aligned.</summary>
    public static byte[] Format(IReadOnlyList<SafetensorsEntry> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Relaxed escaping keeps names like "layer.0+bias" readable; quotes and control characters are
        // still escaped, so the header stays valid JSON.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject(MetadataKey);
                foreach (var key in metadata.Keys.Order(StringComparer.Ordinal))
                    writer.WriteString(key, metadata[key]);
                writer.WriteEndObject();
            }
            foreach (var entry in entries)
            {
                writer.WriteStartObject(entry.Name);
                writer.WriteString("dtype", entry.DTypeName);
                writer.WriteStartArray("shape");
                foreach (int dim in entry.Shape)
                    writer.WriteNumberValue(dim);
                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(entry.Begin);
                writer.WriteNumberValue(entry.End);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        int padded = (buffer.WrittenCount + 7) / 8 * 8;
        var bytes = new byte[padded];
        bytes.AsSpan().Fill((byte)' ');
        buffer.WrittenSpan.CopyTo(bytes);
        return bytes;
    }

    static void ParseMetadata(InputFile file, JsonElement value, OrderedDictionary<string, string> metadata)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw file.Error($"'{MetadataKey}' must be a JSON object of strings; got {value.ValueKind}");
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw file.Error($"'{MetadataKey}' value of '{item.Name}' must be a string; got {item.Value.ValueKind}");
            if (!metadata.TryAdd(item.Name, item.Value.GetString()!))
                throw file.Error($"'{MetadataKey}' lists '{item.Name}' twice");
        }
    }

    static SafetensorsEntry ParseEntry(InputFile file, string name, JsonElement value, long bufferLength, bool allowOtherDTypes)
    {
        string what = $"tensor '{name}'";
        var fields = StrictJsonObject.Fields(value, EntryKeys, what, file.Error);

        var dtype = fields["dtype"];
        string dtypeName = dtype.ValueKind == JsonValueKind.String
            ? dtype.GetString()!
            : throw file.Error($"{what} dtype must be a string; got {dtype.ValueKind}");
        int known = Array.FindIndex(ElementTypes, d => d.Name == dtypeName);
        int other = allowOtherDTypes ? Array.FindIndex(OtherDTypes, d => d.Name == dtypeName) : -1;
        if (known < 0 && other < 0)
            throw file.Error($"{what} has unsupported dtype '{dtypeName}'; supported: {string.Join(", ", ElementTypes.Select(d => d.Name))}");
        ElementEncoding? encoding = known >= 0 ? ElementTypes[known].Encoding : null;
        int elementSize = encoding is ElementEncoding e ? ElementCodec.Size(e) : OtherDTypes[other].Size;

        var (shape, count) = FileShape.Validate(Integers(file, fields["shape"], $"{what} shape"), file, $"{what} shape");
        long[] offsets = Integers(file, fields["data_offsets"], $"{what} data_offsets");
        if (offsets.Length != 2)
            throw file.Error($"{what} data_offsets must be [begin, end]; got {offsets.Length} numbers");
        long begin = offsets[0], end = offsets[1];
        if (begin > end || end > bufferLength)
            throw file.Error($"{what} data_offsets [{begin}, {end}] are not a range within the {bufferLength}-byte data buffer");
        long expected = count * elementSize;
        if (end - begin != expected)
            throw file.Error(
                $"{what} data_offsets [{begin}, {end}] span {end - begin} bytes but shape ({FileShape.Text(shape)}) of {dtypeName} needs {expected} bytes");
        return new SafetensorsEntry(name, dtypeName, encoding, shape, count, begin, end);
    }

    static long[] Integers(InputFile file, JsonElement value, string what)
    {
        string problem = $"{what} must be an array of non-negative integers";
        if (value.ValueKind != JsonValueKind.Array)
            throw file.Error($"{problem}; got {value.ValueKind}");
        var numbers = new long[value.GetArrayLength()];
        int k = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long number) || number < 0)
                throw file.Error($"{problem}; got {item.GetRawText()}");
            numbers[k++] = number;
        }
        return numbers;
    }

    /// <summary>Walks the tensors in buffer order: each must start where the previous one ended and the
    /// last must end at the end of the buffer.</summary>
    static void CheckLayout(InputFile file, List<SafetensorsEntry> entries, long bufferLength)
    {
        long next = 0;
        string previous = "the start of the data buffer";
        foreach (var entry in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.Begin < next)
                throw file.Error($"tensor '{entry.Name}' data_offsets [{entry.Begin}, {entry.End}] overlap {previous}");
            if (entry.Begin > next)
                throw file.Error($"bytes [{next}, {entry.Begin}) of the data buffer belong to no tensor (gap before tensor '{entry.Name}')");
            next = entry.End;
            previous = $"tensor '{entry.Name}', which ends at {entry.End}";
        }
        if (next != bufferLength)
            throw file.Error($"bytes [{next}, {bufferLength}) at the end of the data buffer belong to no tensor");
    }
}
