using Eoi.Checker;

namespace Eoi.Oracle;

/// <summary>The figures <c>generate</c>, <c>replay</c> and <c>demo</c> print about a layer they made.</summary>
public sealed record LayerSummary(
    string Shape,
    string Orientation,
    int Rotations,
    long Entries,
    long NonZeros,
    long MaskPositions,
    double MaxOrthogonalityError,
    TimeSpan Elapsed,
    IReadOnlyList<string> Files)
{
    /// <summary>The figures of a layer just made. The orthogonality error is measured on the values as written
    /// (after any float32 rounding), for a kernel on its centre tap; <paramref name="elapsed"/> and
    /// <paramref name="files"/> are reported as given.</summary>
    public static LayerSummary Of(Layer layer, TimeSpan elapsed, IEnumerable<string> files)
    {
        var values = layer.Values;
        // From the sparse orthogonal part as written, the CSR `check` builds from the file: the same bits as its
        // error, without a dense pass. Every non-zero of the values lies in that part (a kernel's other taps are 0).
        var orthogonal = layer.Orthogonal;
        var error = GramErrors.Orthogonality(orthogonal, layer.Gain);
        return new LayerSummary(
            $"{values.ShapeText} ({values.ElementType})",
            OrientationOf(orthogonal.Rows, orthogonal.Cols, values.Rank == 4),
            layer.Plan.Rotations.Count,
            values.Count,
            orthogonal.Pattern.NonZeros,
            layer.MaskPositions,
            error.Max,
            elapsed,
            files.ToList());
    }

    /// <summary>The fraction of entries whose value is non-zero.</summary>
    public double Density => NonZeros / (double)Entries;

    /// <summary>The fraction of entries the mask lets training change. For a kernel it can exceed
    /// <see cref="Density"/>: the mask also frees zero positions up to the layer density.</summary>
    public double MaskDensity => MaskPositions / (double)Entries;

    static string OrientationOf(int rows, int cols, bool kernel)
    {
        string w = kernel ? "K_c" : "W";
        string side = rows < cols ? $"row-orthogonal, {w} {w}^T = g^2 I"
            : rows > cols ? $"column-orthogonal, {w}^T {w} = g^2 I"
            : $"orthogonal, {w} {w}^T = {w}^T {w} = g^2 I";
        return kernel ? $"delta-orthogonal: centre tap K_c {side}" : side;
    }
}
