using Eoi.Core;

namespace Eoi.IO;

/// <summary>Everything a safetensors file holds. <see cref="Tensors"/> enumerates in the order the header
/// lists them; <see cref="Metadata"/> is the optional "__metadata__" map (empty when absent).</summary>
public sealed record SafetensorsContent(IReadOnlyDictionary<string, NdArray> Tensors, IReadOnlyDictionary<string, string> Metadata);
