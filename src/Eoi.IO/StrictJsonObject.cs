using System.Text.Json;
using Eoi.Core;

namespace Eoi.IO;

/// <summary>Reads a JSON object that must have exactly a given set of keys, each once, so a misspelt or
/// stray key is reported instead of silently ignored.</summary>
static class StrictJsonObject
{
    /// <summary>The values by key. <paramref name="error"/> turns a problem into the caller's exception (it
    /// knows the file and line); <paramref name="what"/> names the object in messages.</summary>
    public static Dictionary<string, JsonElement> Fields(JsonElement value, string[] keys, string what,
                                                        Func<string, EoiFormatException> error)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw error($"{what} must be a JSON object; got {value.ValueKind}");
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in value.EnumerateObject())
        {
            if (Array.IndexOf(keys, field.Name) < 0)
                throw error($"{what} has unexpected key '{field.Name}'; expected exactly {string.Join(", ", keys)}");
            if (!fields.TryAdd(field.Name, field.Value))
                throw error($"{what} lists '{field.Name}' twice");
        }
        foreach (string key in keys)
            if (!fields.ContainsKey(key))
                throw error($"{what} has no '{key}'");
        return fields;
    }
}
