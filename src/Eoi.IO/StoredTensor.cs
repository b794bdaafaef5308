using Eoi.Core;

namespace Eoi.IO;

/// <summary>One tensor of a model file: its name, the file's name for its dtype, its shape, and its values
/// when the dtype is one this project decodes (float64, float32, bool/uint8), else null.</summary>
public sealed record StoredTensor(string Name, string DTypeName, int[] Shape, NdArray? Values);
