namespace Eoi.IO;

/// <summary>How one array element is laid out in a binary file (.npy data, a safetensors buffer).</summary>
enum ElementEncoding
{
    Float32Little,
    Float32Big,
    Float64Little,
    Float64Big,
    /// <summary>One byte per element holding 0 or 1 (numpy bool/uint8, safetensors BOOL/U8).</summary>
    Byte01,
}
