using System.Text.Json;
using Eoi.Core;

namespace Eoi.IO;

/// <summary>Reads a JSON-lines file one object per line, with typed field access whose errors name the
/// file, the line and the field.</summary>
public sealed class JsonLineReader(InputFile file, TextReader reader)
{
    /// <summary>The 1-based number of the line last read; 0 before the first.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line, or null at the end of the file.</summary>
    public string? NextLine()
    {
        string? line = reader.ReadLine();
        if (line is not null)
            LineNumber++;
        return line;
    }

    /// <summary>The next line as an object with exactly <paramref name="keys"/>, or null at the end of the file.</summary>
    public Dictionary<string, JsonElement>? NextObject(string what, string[] keys)
    {
        string? line = NextLine();
        if (line is null)
            return null;
        JsonElement value;
        try
        {
            using var document = JsonDocument.Parse(line);
            value = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw Error($"{what} is not valid JSON ({ex.Message})");
        }
        return StrictJsonObject.Fields(value, keys, what, Error);
    }

    /// <summary>The JSON string <paramref name="value"/>; <paramref name="name"/> names the field in the error.</summary>
    public string String(JsonElement value, string name) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : throw Error($"{name} must be a string; got {value.GetRawText()}");

    /// <summary>A JSON integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Integer(JsonElement value, string name, int min, int max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && number >= min && number <= max
            ? number
            : throw Error($"{name} must be an integer in [{min}, {max}]; got {value.GetRawText()}");

    /// <summary>A non-negative JSON integer that fits a long.</summary>
    public long Long(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) && number >= 0
            ? number
            : throw Error($"{name} must be a non-negative integer; got {value.GetRawText()}");

    /// <summary>A finite double; System.Text.Json turns an out-of-range literal such as 1e400 into infinity.</summary>
    public double Double(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)
            ? number
            : throw Error($"{name} must be a finite number; got {value.GetRawText()}");

    /// <summary>A format error naming the file and the current line.</summary>
    public EoiFormatException Error(string problem) => file.Error($"line {LineNumber}: {problem}");
}
