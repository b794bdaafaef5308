namespace Eoi.Interop.Tests;

/// <summary>
/// Runs interop/python/eoi_reference.py, the independent NumPy re-implementation of docs/SPEC.md, with the
/// Python 3 that <see cref="Python"/> finds. Tests skip, naming the reason, when there is none.
/// </summary>
static class PythonReference
{
    public static string Script => RepositoryFiles.Find("interop/python/eoi_reference.py");

    /// <summary>Generous: the golden command regenerates every golden case in pure NumPy.</summary>
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string[] Run(params string[] args) =>
        Python.RunScript(Python.Require(), Script, Timeout, args)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
