namespace Eoi.IO;

/// <summary>One tensor's line in a safetensors header: where its bytes lie in the data buffer (the
/// half-open range [Begin, End)) and how to read them (no encoding: a dtype this reader lists but does not decode).</summary>
sealed record SafetensorsEntry(string Name, string DTypeName, ElementEncoding? Encoding, int[] Shape, long Count, long Begin, long End);
