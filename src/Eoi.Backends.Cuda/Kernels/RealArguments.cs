using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Kernels;

/// <summary>Scalars for a `real` parameter: the interface passes doubles, and a float32 kernel must receive
/// them rounded to float, as the CPU backend rounds them (T.CreateTruncating is a plain conversion).</summary>
static class RealArguments
{
    public static KernelArguments Real(this KernelArguments arguments, double value, ElementType type) =>
        type == ElementType.Float32 ? arguments.Add((float)value) : arguments.Add(value);

    public static KernelArguments Flag(this KernelArguments arguments, bool value) => arguments.Add(value ? 1 : 0);
}
