using System.Text;

namespace Eoi.Cuda.Native;

public enum LoadOutcome
{
    Loaded,
    /// <summary>No file there (or, for a bare name, the system loader found none).</summary>
    NotFound,
    /// <summary>A file is there but the loader refused it (wrong architecture, missing dependency, ...).</summary>
    LoadFailed,
}

/// <summary>One place tried and what happened; <see cref="Detail"/> is the loader's own words.</summary>
public sealed record LoadAttempt(LibraryCandidate Candidate, LoadOutcome Outcome, string? Detail = null)
{
    public override string ToString() => Outcome switch
    {
        LoadOutcome.Loaded => $"{Candidate.Path} [{Candidate.Source}]: loaded",
        LoadOutcome.NotFound when Detail is null => $"{Candidate.Path} [{Candidate.Source}]: not found",
        LoadOutcome.NotFound => $"{Candidate.Path} [{Candidate.Source}]: not found ({Detail})",
        _ => $"{Candidate.Path} [{Candidate.Source}]: load error: {Detail}",
    };
}

/// <summary>The outcome of searching for one library: every attempt in order, and the handle of the one
/// that loaded (0 when none did). A value, never an exception, so callers decide what "missing" means.</summary>
public sealed record LibraryLoadResult(CudaLibraryInfo Library, IReadOnlyList<LoadAttempt> Attempts, nint Handle)
{
    public bool IsLoaded => Handle != 0;

    public string? LoadedPath => IsLoaded ? Attempts[^1].Candidate.Path : null;

    /// <summary>One line, null when loaded. A file that exists but will not load is the actionable fact,
    /// so it wins over the list of places searched.</summary>
    public string? FailureReason
    {
        get
        {
            if (IsLoaded) return null;
            if (Attempts.FirstOrDefault(a => a.Outcome == LoadOutcome.LoadFailed) is { } broken)
                return $"{Library.Title} found but not loadable: {broken.Candidate.Path}: {broken.Detail}";
            return $"{Library.Title} not found; searched: {string.Join(", ", SearchedPlaces())}";
        }
    }

    /// <summary>Every attempt on its own line, for `eoi devices` and for bug reports.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(IsLoaded ? $"{Library.Title}: loaded {LoadedPath}" : $"{Library.Title}: not loaded");
        foreach (var attempt in Attempts) text.AppendLine($"  {attempt}");
        return text.ToString();
    }

    /// <summary>The folders tried (each with every file name), then the system loader: the same places as
    /// the attempts, short enough for one line.</summary>
    IEnumerable<string> SearchedPlaces() =>
        Attempts
            .Select(a => a.Candidate.IsBareName ? "the system loader" : Path.GetDirectoryName(a.Candidate.Path) ?? a.Candidate.Path)
            .Distinct(StringComparer.Ordinal);
}
