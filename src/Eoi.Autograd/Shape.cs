using System.Runtime.CompilerServices;
using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>
/// The dimensions of a row-major tensor; the default value is the scalar shape (rank 0, one element).
/// Written as a collection expression: <c>Shape s = [128, 784];</c>.
/// </summary>
[CollectionBuilder(typeof(Shape), nameof(Create))]
public readonly struct Shape : IEquatable<Shape>
{
    readonly int[]? dimensions;
    readonly int elementCount;

    public Shape(params ReadOnlySpan<int> dimensions)
    {
        long count = 1;
        foreach (int d in dimensions)
        {
            if (d < 0)
                throw new EoiArgumentException(nameof(dimensions), $"shape dimensions must be >= 0; got {Format(dimensions)}");
            count *= d;
            if (count > Array.MaxLength)
                throw new EoiArgumentException(nameof(dimensions),
                    $"a shape may hold at most {Array.MaxLength} elements; got {Format(dimensions)}");
        }
        this.dimensions = dimensions.ToArray();
        elementCount = (int)count;
    }

    public static Shape Create(ReadOnlySpan<int> dimensions) => new(dimensions);

    public static Shape Scalar => default;

    public int Rank => dimensions?.Length ?? 0;

    public int ElementCount => dimensions is null ? 1 : elementCount;

    public int this[int axis] => Dimensions[axis];

    public ReadOnlySpan<int> Dimensions => dimensions;

    public ReadOnlySpan<int>.Enumerator GetEnumerator() => Dimensions.GetEnumerator();

    /// <summary>Product of the dimensions from <paramref name="axis"/> to the end (1 past the last axis).</summary>
    public int ElementsFrom(int axis)
    {
        int count = 1;
        foreach (int d in Dimensions[axis..]) count *= d;
        return count;
    }

    /// <summary>Product of the dimensions before <paramref name="axis"/> (1 for axis 0).</summary>
    public int ElementsBefore(int axis)
    {
        int count = 1;
        foreach (int d in Dimensions[..axis]) count *= d;
        return count;
    }

    public bool Equals(Shape other) => Dimensions.SequenceEqual(other.Dimensions);
    public override bool Equals(object? obj) => obj is Shape other && Equals(other);
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int d in Dimensions) hash.Add(d);
        return hash.ToHashCode();
    }

    public static bool operator ==(Shape left, Shape right) => left.Equals(right);
    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    public override string ToString() => Format(Dimensions);

    static string Format(ReadOnlySpan<int> dimensions) => $"[{string.Join(", ", dimensions.ToArray())}]";
}
