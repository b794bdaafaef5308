namespace Eoi.IO;

/// <summary>The three fields of a .npy header dict. <see cref="Shape"/> holds the dimensions as written,
/// unchecked; <see cref="FileShape"/> vets them.</summary>
sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape)
{
    /// <summary>The dict literal numpy itself writes, trailing comma included, e.g.
    /// "{'descr': '&lt;f8', 'fortran_order': False, 'shape': (5,), }".</summary>
    public string Format()
    {
        string dims = Shape.Length == 1 ? $"{Shape[0]}," : string.Join(", ", Shape);
        string order = FortranOrder ? "True" : "False";
        return $"{{'descr': '{Descr}', 'fortran_order': {order}, 'shape': ({dims}), }}";
    }
}
