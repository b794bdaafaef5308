using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>Tries a library's candidates in order and stops at the first that loads. Binds nothing: see
/// <see cref="CudaLibraries"/> for what the [LibraryImport] declarations use.</summary>
public static class NativeLibraryProbe
{
    public static LibraryLoadResult Load(CudaLibraryInfo library, LibrarySearchOptions options)
    {
        var attempts = new List<LoadAttempt>();
        foreach (var candidate in LibraryCandidates.For(library, options))
        {
            var (attempt, handle) = Try(candidate);
            attempts.Add(attempt);
            if (handle != 0) return new LibraryLoadResult(library, attempts, handle);
        }
        return new LibraryLoadResult(library, attempts, 0);
    }

    static (LoadAttempt Attempt, nint Handle) Try(LibraryCandidate candidate)
    {
        // Checking the file first keeps "not there" apart from "there but broken" without parsing loader text.
        if (!candidate.IsBareName && !File.Exists(candidate.Path))
            return (new LoadAttempt(candidate, LoadOutcome.NotFound), 0);
        try
        {
            // Load rather than TryLoad: TryLoad drops the loader's reason, which is the useful part of a failure.
            nint handle = NativeLibrary.Load(candidate.Path);
            return (new LoadAttempt(candidate, LoadOutcome.Loaded), handle);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            var outcome = candidate.IsBareName ? LoadOutcome.NotFound : LoadOutcome.LoadFailed;
            return (new LoadAttempt(candidate, outcome, LoaderText(candidate.Path, e.Message)), 0);
        }
    }

    /// <summary>dlerror() alone: the runtime wraps it in advice about strace and LD_DEBUG (it is the last line),
    /// and dlerror() itself starts with the path, which the attempt already names.</summary>
    static string LoaderText(string path, string message)
    {
        string text = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? message;
        return text.StartsWith(path + ": ", StringComparison.Ordinal) ? text[(path.Length + 2)..] : text;
    }
}
