using System.Text.RegularExpressions;

namespace Eoi.Cuda.Native;

/// <summary>Expands a path with one '*' in one segment ("/usr/local/cuda-*/lib64") by reading only the
/// directory that holds that segment — never a recursive walk, so probing stays fast on any machine.
/// Matches come newest version first (cuda-12.4 before cuda-11.8, python3.12 before python3.9).</summary>
public static partial class BoundedGlob
{
    public static IReadOnlyList<string> Expand(string pattern)
    {
        int star = pattern.IndexOf('*');
        if (star < 0) return Directory.Exists(pattern) ? [pattern] : [];

        int segmentStart = pattern.LastIndexOf('/', star) + 1;
        int segmentEnd = pattern.IndexOf('/', star);
        string parent = segmentStart == 0 ? "." : pattern[..segmentStart];
        string segment = segmentEnd < 0 ? pattern[segmentStart..] : pattern[segmentStart..segmentEnd];
        string rest = segmentEnd < 0 ? "" : pattern[(segmentEnd + 1)..];
        int prefixLength = star - segmentStart;
        int suffixLength = segment.Length - prefixLength - 1;

        string[] matches;
        try
        {
            matches = Directory.GetDirectories(parent, segment);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // a missing or unreadable parent simply has no matches
        }

        return matches
            .Select(path => (Path: path, Version: VersionOf(Path.GetFileName(path), prefixLength, suffixLength)))
            .OrderByDescending(match => match.Version, VersionComparer.Instance)
            .ThenBy(match => match.Path, StringComparer.Ordinal)
            .Select(match => rest.Length == 0 ? match.Path : Path.Combine(match.Path, rest))
            .Where(Directory.Exists)
            .ToList();
    }

    /// <summary>The numbers in the part the '*' matched: "12.4" gives [12, 4], ".12" gives [12].</summary>
    static int[] VersionOf(string name, int prefixLength, int suffixLength) =>
        Digits().Matches(name[prefixLength..(name.Length - suffixLength)])
            .Select(match => int.TryParse(match.Value, out int number) ? number : int.MaxValue)
            .ToArray();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    sealed class VersionComparer : IComparer<int[]>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            x ??= []; y ??= [];
            for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
                if (x[i] != y[i]) return x[i].CompareTo(y[i]);
            return x.Length.CompareTo(y.Length);
        }
    }
}
