using System.Collections;
using System.Runtime.CompilerServices;

namespace Eoi.Core;

/// <summary>
/// The dimensions of a row-major array (an <see cref="NdArray"/> or a training tensor), outermost first;
/// immutable, compared by value. The default value is the scalar shape (rank 0, one element). Written as a
/// collection expression: <c>Shape s = [128, 784];</c>.
/// </summary>
[CollectionBuilder(typeof(Shape), nameof(Create))]
public readonly struct Shape : IEquatable<Shape>, IReadOnlyList<int>
{
    readonly int[]? dimensions;
    readonly int elementCount;

    /// <summary>A shape of the given dimensions (copied), each >= 0, at most <see cref="Array.MaxLength"/> elements in all.</summary>
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

    /// <summary>The collection-expression builder: the same as the constructor.</summary>
    public static Shape Create(ReadOnlySpan<int> dimensions) => new(dimensions);

    /// <summary>Rank 0, one element.</summary>
    public static Shape Scalar => default;

    /// <summary>Number of dimensions.</summary>
    public int Rank => dimensions?.Length ?? 0;

    /// <summary>Number of elements: the product of the dimensions (1 for a scalar).</summary>
    public int ElementCount => dimensions is null ? 1 : elementCount;

    /// <summary>The size of dimension <paramref name="axis"/>.</summary>
    public int this[int axis] => Dimensions[axis];

    /// <summary>The dimensions, outermost first.</summary>
    public ReadOnlySpan<int> Dimensions => dimensions;

    /// <summary>Enumerates the dimensions, outermost first.</summary>
    public ReadOnlySpan<int>.Enumerator GetEnumerator() => Dimensions.GetEnumerator();

    // The dimensions as a list, for LINQ and string.Join; its Count is the rank, said explicitly so that no one
    // reads shape.Count as the number of elements.
    int IReadOnlyCollection<int>.Count => Rank;
    IEnumerator<int> IEnumerable<int>.GetEnumerator() => ((IEnumerable<int>)(dimensions ?? [])).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<int>)this).GetEnumerator();

    /// <summary>The dimensions as a span, so that a shape goes wherever dimensions are asked for.</summary>
    public static implicit operator ReadOnlySpan<int>(Shape shape) => shape.Dimensions;

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

    /// <summary>Same rank and same dimensions.</summary>
    public bool Equals(Shape other) => Dimensions.SequenceEqual(other.Dimensions);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Shape other && Equals(other);
    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int d in Dimensions) hash.Add(d);
        return hash.ToHashCode();
    }

    /// <summary>Same rank and same dimensions.</summary>
    public static bool operator ==(Shape left, Shape right) => left.Equals(right);
    /// <summary>Different rank or dimensions.</summary>
    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    /// <summary>"[2, 3]"; "[]" for a scalar.</summary>
    public override string ToString() => Format(Dimensions);

    static string Format(ReadOnlySpan<int> dimensions) => $"[{string.Join(", ", dimensions.ToArray())}]";
}
