using Eoi.Checker;
using Eoi.Core;
using Eoi.Orthogonal;

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
        // Measured on the values as written (after any float32 rounding), on the part that must be orthogonal.
        var orthogonal = values.Rank == 4 ? CentreTap.Extract(values) : values;
        int rows = orthogonal.Shape[0], cols = orthogonal.Shape[1];
        var error = GramErrors.Orthogonality(GramErrors.ToCsr(orthogonal.Data, rows, cols), layer.Gain);
        return new LayerSummary(
            $"{values.ShapeText} ({values.ElementType})",
            OrientationOf(rows, cols, values.Rank == 4),
            layer.Plan.Rotations.Count,
            values.Count,
            values.CountNonZero(),
            layer.Mask.CountNonZero(),
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
