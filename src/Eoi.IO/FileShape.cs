using Eoi.Core;

namespace Eoi.IO;

/// <summary>Checks the dimensions a file header claims before anything is allocated for them.</summary>
static class FileShape
{
    /// <summary>The dimensions as an <see cref="NdArray"/> shape and their element count; an error when a
    /// dimension is negative or the array could not be held in memory as one .NET array.</summary>
    public static (int[] Shape, long Count) Validate(IReadOnlyList<long> dims, InputFile file, string what)
    {
        var shape = new int[dims.Count];
        long count = 1;
        bool anyZero = false;
        for (int axis = 0; axis < dims.Count; axis++)
        {
            long dim = dims[axis];
            if (dim < 0 || dim > int.MaxValue)
                throw file.Error($"{what}: dimension {axis} is {dim}; dimensions must be in [0, {int.MaxValue}]");
            shape[axis] = (int)dim;
            anyZero |= dim == 0;
        }
        if (anyZero)
            return (shape, 0);
        foreach (int dim in shape)
        {
            // count <= Array.MaxLength < 2^31 and dim < 2^31, so the product cannot overflow a long.
            count *= dim;
            if (count > Array.MaxLength)
                throw file.Error($"{what}: shape ({Text(shape)}) has more than {Array.MaxLength} elements, too many for one array");
        }
        return (shape, count);
    }

    public static string Text(IEnumerable<int> shape) => string.Join(", ", shape);
}
