using System.Text.Json;
using System.Text.Json.Serialization;
using Eoi.Nn.Experiments;
using Eoi.Nn.Runs;

namespace Eoi.Nn.Training;

/// <summary>The one JSON style of checkpoints and metric files: camelCase, enums by name, doubles written
/// shortest round-trip (so they read back bit for bit), NaN and infinities as named literals. Source-generated
/// rather than reflection-based, so the eoi command also writes and reads these files when published as Native
/// AOT, where reflection-based serialisation is off; the bytes are those the reflection-based serialiser with the
/// same options wrote (Eoi.Nn.Tests checks it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(TrainingOptions))]
[JsonSerializable(typeof(List<EpochMetrics>))]
[JsonSerializable(typeof(RunConfiguration))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(RunRecord))]
[JsonSerializable(typeof(RunRecordFile))]
internal sealed partial class JsonFormat : JsonSerializerContext;
