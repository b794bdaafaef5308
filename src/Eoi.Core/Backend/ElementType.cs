namespace Eoi.Core.Backend;

/// <summary>What one element of a <see cref="DeviceBuffer"/> is. Float32 trains, Float64 checks gradients,
/// Int32 holds indices (CSR structure, class labels, permutations).</summary>
public enum ElementType
{
    Float32,
    Float64,
    Int32,
}
