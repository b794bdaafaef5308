namespace Eoi.Interop.Tests;

/// <summary>
/// Runs interop/python/eoi_reference.py, the independent NumPy re-implementation of docs/SPEC.md, with the
/// Python 3 that <see cref="PythonWithNumpy"/> finds. Tests skip, naming the reason, when there is none.
/// </summary>
static class PythonReference
{
    public static string Script
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "interop", "python", "eoi_reference.py");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("interop/python/eoi_reference.py not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Generous: the golden command regenerates every golden case in pure NumPy.</summary>
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string[] Run(params string[] args) =>
        PythonWithNumpy.RunScript(PythonWithNumpy.Require(), Script, Timeout, args)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
