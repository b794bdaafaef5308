using System.Text.Json;
using System.Text.Json.Serialization;

namespace Eoi.Nn.Training;

/// <summary>The one JSON style of checkpoints and metric files: camelCase, enums by name, doubles written
/// shortest round-trip (so they read back bit for bit), NaN and infinities as named literals.</summary>
public static class JsonFormat
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}
