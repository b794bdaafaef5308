namespace Eoi.Core;

/// <summary>
/// What one element of an array is: as stored in a file (<see cref="NdArray"/>: Float32, Float64 or Bool) or
/// held by a training backend (Eoi.Backends' DeviceBuffer: Float32 trains, Float64 checks gradients,
/// Int32 holds indices such as CSR structure, class labels and permutations).
/// </summary>
public enum ElementType
{
    /// <summary>IEEE single precision ('&lt;f4', F32).</summary>
    Float32,
    /// <summary>IEEE double precision ('&lt;f8', F64).</summary>
    Float64,
    /// <summary>A 32-bit signed integer; device buffers only, no file format here stores it.</summary>
    Int32,
    /// <summary>A 0/1 mask (npy '|b1' or '|u1', safetensors BOOL or U8, Matrix Market pattern); files only.</summary>
    Bool,
}
